package org.fcredirect.bench.storage;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.fcredirect.fastpath.api.RuleBatch;
import org.fcredirect.fastpath.api.RuleSink;

/**
 * A node's fast path stand-in that records, per flow, the {@link System#nanoTime()} at which the
 * first batch carrying that flow's rules arrived, and wakes the thread waiting for it.
 */
final class RuleArrivals implements RuleSink {
    /** Spins before parking: the batch often arrives within microseconds on the in-memory log. */
    private static final int SPINS = 100;
    /** A park's longest sleep; an arrival unparks the waiter at once. */
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ConcurrentHashMap<Long, Long> arrivals = new ConcurrentHashMap<>();
    private volatile Thread waiter;

    @Override
    public void apply(RuleBatch batch) {
        long now = System.nanoTime();
        for (int i = 0; i < batch.size(); i++) {
            arrivals.putIfAbsent(batch.flowId(i), now);
        }
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /**
     * Waits until the rules of {@code flowId} arrived, and forgets them.
     *
     * @return when they arrived, in {@link System#nanoTime()}
     * @throws IllegalStateException when they did not arrive within the timeout
     */
    long await(long flowId, long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        waiter = Thread.currentThread();
        try {
            for (int waits = 0;; waits++) {
                Long at = arrivals.remove(flowId);
                if (at != null) {
                    return at;
                }
                if (waits < SPINS) {
                    Thread.onSpinWait();
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("the rules of flow " + flowId + " did not arrive within "
                            + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos) + " s");
                }
                LockSupport.parkNanos(this, Math.min(left, PARK_NANOS));
            }
        } finally {
            waiter = null;
        }
    }
}
