package org.fcredirect.stats.api;

import java.time.Instant;
import java.util.Objects;

/** One bucket of a time series. */
public record SeriesPoint(Instant start, long frames, long bytes, long exchanges, long errors) {
    public SeriesPoint {
        Objects.requireNonNull(start, "start");
    }
}
