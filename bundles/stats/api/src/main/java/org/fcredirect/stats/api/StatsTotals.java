package org.fcredirect.stats.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything counted since the statistics were first kept (snapshots carry it across restarts and
 * upgrades), unmatched traffic included.
 *
 * @param counters the sum over every flow
 * @param latency completion-time percentiles of every recorded exchange; empty before the first
 */
public record StatsTotals(TrafficCounters counters, Optional<LatencySummary> latency) {
    public StatsTotals {
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(latency, "latency");
    }
}
