package org.fcredirect.storage.impl;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts per second in a small ring; the rate is the mean of the last {@link #SECONDS} complete
 * seconds. One recording thread, any number of readers.
 */
final class RateMeter {
    static final int SECONDS = 5;
    private static final int SLOTS = 8;

    private final AtomicLongArray seconds = new AtomicLongArray(SLOTS);
    private final AtomicLongArray counts = new AtomicLongArray(SLOTS);

    RateMeter() {
        for (int i = 0; i < SLOTS; i++) {
            seconds.set(i, Long.MIN_VALUE);
        }
    }

    /** Recording thread only. */
    void record(long n, long nowNanos) {
        long second = nowNanos / 1_000_000_000L;
        int slot = (int) Math.floorMod(second, SLOTS);
        if (seconds.get(slot) != second) {
            counts.set(slot, 0);
            seconds.set(slot, second);
        }
        counts.lazySet(slot, counts.get(slot) + n);
    }

    double perSecond(long nowNanos) {
        long now = nowNanos / 1_000_000_000L;
        long sum = 0;
        for (long s = now - SECONDS; s < now; s++) {
            int slot = (int) Math.floorMod(s, SLOTS);
            if (seconds.get(slot) == s) {
                sum += counts.get(slot);
            }
        }
        return sum / (double) SECONDS;
    }
}
