package org.fcredirect.fastpath.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the fast path's statistics output holds for the stats service, and what it lost.
 *
 * @param pendingFrames frames counted by the workers whose deltas have not been drained yet
 * @param pendingFlowDeltas flow deltas waiting in the workers (deferred while the queues are full)
 * @param queuedBatches batches shipped and waiting in the queues
 * @param exchangeRecordsDropped completed exchanges not recorded because a queue was full
 * @param framesDrained frames of every delta drained so far
 * @param deltasDrained flow deltas drained so far
 * @param exchangesDrained exchange completions drained so far
 * @param consumerFailures drain callbacks that threw
 * @param lastDrain when a record was last drained
 */
public record StatsBacklog(long pendingFrames, long pendingFlowDeltas, int queuedBatches, long exchangeRecordsDropped,
        long framesDrained, long deltasDrained, long exchangesDrained, long consumerFailures,
        Optional<Instant> lastDrain) {

    public StatsBacklog {
        Objects.requireNonNull(lastDrain, "lastDrain");
    }

    /** Nothing waits to be drained. */
    public boolean empty() {
        return pendingFrames == 0 && pendingFlowDeltas == 0 && queuedBatches == 0;
    }
}
