package org.fcredirect.stats.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Statistics drained from the fast path. Counts are attributed to the second in which the stats
 * service drained them. Ranges are half-open {@code [from, to)} and are clipped to what is
 * retained; every answer says the range it actually covers.
 */
@ProviderType
public interface StatsService {

    /** Statistics of one flow, if it has been seen (and is among the tracked flows). */
    Optional<FlowStats> flow(long flowId);

    /**
     * Totals of all traffic in a range, at second resolution when the range lies within the
     * seconds retained, else at minute resolution.
     *
     * @throws IllegalArgumentException when {@code to} is not after {@code from}
     */
    RangeStats total(Instant from, Instant to);

    /**
     * Traffic in a range grouped by a flow attribute, at minute resolution, busiest group (bytes)
     * first. Flows the flow service does not know fall in group {@link FlowLabels#UNKNOWN}.
     *
     * @throws IllegalArgumentException when {@code to} is not after {@code from}
     */
    List<RangeStats> aggregate(Instant from, Instant to, GroupBy by);

    /**
     * The {@code n} busiest flows by a metric over the last complete minute, busiest first; flows
     * without traffic (or without completed exchanges, for latency) in that minute are left out.
     *
     * @throws IllegalArgumentException when {@code n} is below 1
     */
    List<FlowStats> top(int n, TopMetric metric);

    /** The total's time series; one point per bucket of the covered range, empty buckets as zeros. */
    TimeSeries totalSeries(Resolution resolution, Instant from, Instant to);

    /**
     * A flow's time series; empty when the flow has no series kept (only the recently active
     * flows, up to a configured number, keep one).
     */
    Optional<TimeSeries> flowSeries(long flowId, Resolution resolution, Instant from, Instant to);

    StatsStatus status();

    /** Everything counted since the statistics were first kept, with the latency of every exchange. */
    StatsTotals totals();

    /**
     * The completion time of every exchange since the statistics were first kept, in buckets.
     *
     * @param upperBoundsNanos bucket bounds, positive and ascending
     * @throws IllegalArgumentException for bounds {@link LatencyHistogram#checkBounds} refuses
     */
    LatencyHistogram latencyHistogram(List<Long> upperBoundsNanos);
}
