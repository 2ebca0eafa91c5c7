package org.fcredirect.stats.api;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Consecutive buckets of the total or of one flow, oldest first.
 *
 * @param flowId empty for the total
 */
public record TimeSeries(OptionalLong flowId, Resolution resolution, List<SeriesPoint> points) {
    public TimeSeries {
        Objects.requireNonNull(flowId, "flowId");
        Objects.requireNonNull(resolution, "resolution");
        points = List.copyOf(points);
    }
}
