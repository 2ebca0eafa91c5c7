package org.fcredirect.fastpath.api;

import java.util.Objects;

/**
 * The fast path's settings in force (PID {@code org.fcredirect.fastpath}).
 *
 * @param workers worker threads, each owning one shard of the flow table
 * @param ringSize frame batches in flight per source and worker
 * @param controlQueueSize rule updates queued per worker
 * @param statsQueueSize statistics batches in flight per worker
 * @param statsIntervalMillis how often a busy worker ships its counter deltas
 * @param defaultDecision what happens to frames no rule matches
 * @param exchangeTableSize open SCSI exchanges each worker tracks for completion times
 */
public record FastPathSettings(int workers, int ringSize, int controlQueueSize, int statsQueueSize,
        long statsIntervalMillis, DefaultDecision defaultDecision, int exchangeTableSize) {

    public FastPathSettings {
        Objects.requireNonNull(defaultDecision, "defaultDecision");
    }

    @Override
    public String toString() {
        return "workers=" + workers + " ringSize=" + ringSize + " controlQueueSize=" + controlQueueSize
                + " statsQueueSize=" + statsQueueSize + " statsIntervalMillis=" + statsIntervalMillis
                + " defaultDecision=" + defaultDecision + " exchangeTableSize=" + exchangeTableSize;
    }
}
