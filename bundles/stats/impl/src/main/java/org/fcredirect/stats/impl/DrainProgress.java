package org.fcredirect.stats.impl;

import java.util.Optional;

import org.fcredirect.fastpath.api.StatsBacklog;

/**
 * What the drain has done, and whether it keeps up. Written by the drain thread, read by status
 * queries. Falling behind means: every drain for {@link #FULL_STREAK_MILLIS} came back full (the
 * source never ran dry), or the source lost exchange records to full queues, or drains fail;
 * the last two count for {@link #RECENT_MILLIS}.
 */
final class DrainProgress {
    static final long FULL_STREAK_MILLIS = 5_000;
    static final long RECENT_MILLIS = 10_000;
    private static final long NEVER = Long.MIN_VALUE;

    private long recordsDrained;
    private long batches;
    private int lastBatchRecords;
    private long fullSinceMillis = NEVER;
    private long exchangeDropsSeen = -1;
    private long lastDropMillis = NEVER;
    private long dropsInStreak;
    private long lastFailureMillis = NEVER;
    private String lastFailure = "";

    synchronized void drained(int records, int batchSize, long nowMillis) {
        if (records > 0) {
            recordsDrained += records;
            batches++;
            lastBatchRecords = records;
        }
        if (records < batchSize) {
            fullSinceMillis = NEVER;
        } else if (fullSinceMillis == NEVER) {
            fullSinceMillis = nowMillis;
        }
    }

    synchronized void failed(RuntimeException e, long nowMillis) {
        lastFailureMillis = nowMillis;
        lastFailure = String.valueOf(e.getMessage());
        fullSinceMillis = NEVER;
    }

    synchronized void backlog(StatsBacklog backlog, long nowMillis) {
        long dropped = backlog.exchangeRecordsDropped();
        if (exchangeDropsSeen >= 0 && dropped > exchangeDropsSeen) {
            dropsInStreak = lastDropMillis != NEVER && nowMillis - lastDropMillis <= RECENT_MILLIS
                    ? dropsInStreak + dropped - exchangeDropsSeen : dropped - exchangeDropsSeen;
            lastDropMillis = nowMillis;
        }
        exchangeDropsSeen = dropped;
    }

    synchronized Optional<String> fallingBehind(int batchSize, long nowMillis) {
        if (fullSinceMillis != NEVER && nowMillis - fullSinceMillis >= FULL_STREAK_MILLIS) {
            return Optional.of("every drain for " + (nowMillis - fullSinceMillis) / 1000
                    + " s returned a full batch of " + batchSize + ": the source never ran dry");
        }
        if (lastDropMillis != NEVER && nowMillis - lastDropMillis <= RECENT_MILLIS) {
            return Optional.of("the source dropped " + dropsInStreak + " exchange records to full queues");
        }
        if (lastFailureMillis != NEVER && nowMillis - lastFailureMillis <= RECENT_MILLIS) {
            return Optional.of("drain failing: " + lastFailure);
        }
        return Optional.empty();
    }

    synchronized long recordsDrained() {
        return recordsDrained;
    }

    synchronized long batches() {
        return batches;
    }

    synchronized int lastBatchRecords() {
        return lastBatchRecords;
    }
}
