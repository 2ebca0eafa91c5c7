package org.fcredirect.stats.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The drain that feeds the statistics.
 *
 * @param draining the drain thread runs and a statistics source is bound
 * @param recordsDrained flow deltas and exchange completions drained since activation
 * @param batches drain calls that returned at least one record
 * @param lastBatchRecords records of the most recent non-empty drain
 * @param lagBatches batches waiting in the source's queues (consumer lag)
 * @param lagFlowDeltas flow deltas waiting in the source's workers
 * @param lagFrames frames counted by the source and not drained yet
 * @param exchangeRecordsDropped exchange completions the source lost to full queues
 * @param fallingBehind the drain does not keep up with the source
 * @param fallingBehindReason why, while falling behind
 * @param memoryBytes heap held by the statistics' structures (estimate from their array sizes)
 * @param flowsTracked flows with per-flow statistics
 * @param untrackedDeltas flow deltas counted only in the totals because {@code maxFlows} flows were tracked already
 * @param detailedFlows flows keeping a time series and latency histogram
 * @param lastSnapshot when the statistics were last saved
 * @param snapshotFailures saves that failed since activation
 */
public record StatsStatus(boolean draining, long recordsDrained, long batches, int lastBatchRecords,
        long lagBatches, long lagFlowDeltas, long lagFrames, long exchangeRecordsDropped, boolean fallingBehind,
        Optional<String> fallingBehindReason, long memoryBytes, int flowsTracked, long untrackedDeltas,
        int detailedFlows, Optional<Instant> lastSnapshot, long snapshotFailures) {

    public StatsStatus {
        Objects.requireNonNull(fallingBehindReason, "fallingBehindReason");
        Objects.requireNonNull(lastSnapshot, "lastSnapshot");
    }

    /** Mean records per non-empty drain. */
    public double recordsPerBatch() {
        return batches == 0 ? 0 : (double) recordsDrained / batches;
    }
}
