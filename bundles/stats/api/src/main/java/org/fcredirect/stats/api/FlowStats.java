package org.fcredirect.stats.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Statistics of one flow since it was first seen. Read/write split: {@link TrafficCounters#reads()}
 * and {@code writes()} count exchanges; read data flows toward the initiator and write data toward
 * the target, so {@code bytesToInitiator} and {@code bytesToTarget} carry the byte split.
 *
 * @param lastMinute rates over the last complete minute
 * @param latency completion-time percentiles; present while the flow keeps a detailed record (the
 *        recently active flows, up to a configured number)
 * @param meanLatencyNanos mean completion time of every recorded exchange; 0 without any
 * @param maxLatencyNanos longest completion time recorded
 */
public record FlowStats(long flowId, FlowLabels labels, TrafficCounters counters, RateWindow lastMinute,
        Optional<LatencySummary> latency, long meanLatencyNanos, long maxLatencyNanos, Instant firstSeen,
        Instant lastSeen) {

    public FlowStats {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(lastMinute, "lastMinute");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
