package org.fcredirect.fastpath.api;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One worker at a point in time.
 *
 * @param index 0-based worker number, also its shard number
 * @param thread the thread's name
 * @param nativeThreadId the OS thread id (Linux TID, for {@code taskset -p}), or -1 where unknown
 * @param alive the thread is running
 * @param advancing its loop moved during the last second (idle workers advance too)
 * @param framesReceived frames taken from its rings, malformed ones included
 * @param framesProcessed well-formed frames it decided on (forwarded or dropped by a rule or default)
 * @param framesForwarded frames handed to the egress
 * @param framesPerSecond frames received during the last second
 * @param drops frames discarded, by reason, every reason present
 * @param ringDepth frame batches waiting in its rings
 * @param controlQueueDepth rule updates waiting to be applied
 * @param appliedGeneration generation of the last rule batch it applied, -1 before any
 * @param rules rules it holds
 * @param conflictedRules match keys held by flows whose rules disagree (their frames are dropped)
 * @param openExchanges SCSI exchanges it tracks now
 * @param exchangesEvicted tracked exchanges pushed out of the full table before their response
 * @param exchangesUnmatched responses whose command it had not seen
 * @param statsPendingFlows flow deltas waiting to be shipped (deferred while the stats queue is full)
 * @param statsDeferrals times shipping stopped because the stats queue was full
 * @param exchangeRecordsDropped completed exchanges not recorded because the stats queue was full
 * @param faults failures it survived (frames dropped as {@link DropReason#INTERNAL_ERROR}, failed egress)
 * @param lastFault the last such failure
 */
public record WorkerStatus(int index, String thread, long nativeThreadId, boolean alive, boolean advancing,
        long framesReceived, long framesProcessed, long framesForwarded, long framesPerSecond,
        Map<DropReason, Long> drops, int ringDepth, int controlQueueDepth, long appliedGeneration, long rules,
        long conflictedRules, long openExchanges, long exchangesEvicted, long exchangesUnmatched,
        long statsPendingFlows, long statsDeferrals, long exchangeRecordsDropped, long faults,
        Optional<String> lastFault) {

    public WorkerStatus {
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(lastFault, "lastFault");
        drops = Map.copyOf(new EnumMap<>(drops));
    }

    public long framesDropped() {
        return drops.values().stream().mapToLong(Long::longValue).sum();
    }
}
