package org.fcredirect.storage.impl;

import java.util.concurrent.atomic.AtomicLongArray;

import org.fcredirect.storage.api.LatencySummary;

/**
 * A latency histogram over a sliding window of one to two {@code windowNanos}: log-linear
 * buckets (exact below 16 µs, then 8 per power of two, so within 12.5 %). One recording thread,
 * any number of reading threads; a read racing a window switch can be off by the samples of that
 * moment, which a status figure tolerates.
 */
final class LatencyRecorder {
    private static final int LINEAR = 16;
    private static final int SUB_BITS = 3;
    private static final int MAX_EXPONENT = 40;
    static final int BUCKETS = LINEAR + (MAX_EXPONENT - 3) * (1 << SUB_BITS);

    private final long windowNanos;
    private volatile AtomicLongArray current = new AtomicLongArray(BUCKETS);
    private volatile AtomicLongArray previous = new AtomicLongArray(BUCKETS);
    private volatile long currentMax;
    private volatile long previousMax;
    private long windowStart;

    LatencyRecorder(long windowNanos, long nowNanos) {
        this.windowNanos = windowNanos;
        this.windowStart = nowNanos;
    }

    /** Recording thread only. */
    void record(long micros, long nowNanos) {
        if (nowNanos - windowStart >= windowNanos) {
            AtomicLongArray recycled = previous;
            for (int i = 0; i < BUCKETS; i++) {
                recycled.lazySet(i, 0);
            }
            previousMax = currentMax;
            previous = current;
            currentMax = 0;
            current = recycled;
            windowStart = nowNanos;
        }
        AtomicLongArray c = current;
        int b = bucket(micros);
        c.lazySet(b, c.get(b) + 1);
        if (micros > currentMax) {
            currentMax = micros;
        }
    }

    LatencySummary summary() {
        AtomicLongArray c = current;
        AtomicLongArray p = previous;
        long[] counts = new long[BUCKETS];
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] = c.get(i) + p.get(i);
            total += counts[i];
        }
        if (total == 0) {
            return LatencySummary.EMPTY;
        }
        long max = Math.max(currentMax, previousMax);
        return new LatencySummary(total, Math.min(max, percentile(counts, total, 0.50)),
                Math.min(max, percentile(counts, total, 0.99)), max);
    }

    private static long percentile(long[] counts, long total, double p) {
        long target = (long) Math.ceil(total * p);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= target) {
                return upperBound(i);
            }
        }
        return upperBound(BUCKETS - 1);
    }

    static int bucket(long micros) {
        if (micros < LINEAR) {
            return (int) Math.max(micros, 0);
        }
        int exponent = Math.min(63 - Long.numberOfLeadingZeros(micros), MAX_EXPONENT - 1);
        int sub = (int) ((micros >>> (exponent - SUB_BITS)) & ((1 << SUB_BITS) - 1));
        return Math.min(LINEAR + (exponent - 4) * (1 << SUB_BITS) + sub, BUCKETS - 1);
    }

    /** The largest value a bucket holds. */
    static long upperBound(int bucket) {
        if (bucket < LINEAR) {
            return bucket;
        }
        int exponent = (bucket - LINEAR) / (1 << SUB_BITS) + 4;
        int sub = (bucket - LINEAR) % (1 << SUB_BITS);
        long width = 1L << (exponent - SUB_BITS);
        return ((1L << SUB_BITS) + sub) * width + width - 1;
    }
}
