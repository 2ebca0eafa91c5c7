package org.fcredirect.stats.impl;

import java.util.Arrays;

/**
 * Counters per time unit (second or minute since the epoch) for the most recent {@link #length()}
 * units, in preallocated primitive arrays. Each bucket remembers the unit it holds, so a bucket
 * left over from an earlier lap of the ring is never mistaken for the current one.
 */
final class BucketRing {
    static final int FRAMES = 0;
    static final int BYTES = 1;
    static final int EXCHANGES = 2;
    static final int ERRORS = 3;
    static final int METRICS = 4;

    private static final long EMPTY = Long.MIN_VALUE;

    private final long[] units;
    private final long[] values;

    BucketRing(int length) {
        units = new long[length];
        values = new long[length * METRICS];
        Arrays.fill(units, EMPTY);
    }

    int length() {
        return units.length;
    }

    /** Adds to the bucket of {@code unit}; ignored when the ring already moved past it. */
    void add(long unit, long frames, long bytes, long exchanges, long errors) {
        int i = index(unit);
        if (units[i] != unit) {
            if (units[i] > unit) {
                return;
            }
            units[i] = unit;
            Arrays.fill(values, i * METRICS, i * METRICS + METRICS, 0);
        }
        int base = i * METRICS;
        values[base + FRAMES] += frames;
        values[base + BYTES] += bytes;
        values[base + EXCHANGES] += exchanges;
        values[base + ERRORS] += errors;
    }

    /** The value of one metric in {@code unit}; 0 when the ring does not hold that unit. */
    long value(long unit, int metric) {
        int i = index(unit);
        return units[i] == unit ? values[i * METRICS + metric] : 0;
    }

    /** Adds every metric of the units in {@code [fromUnit, toUnit)} into {@code sums}. */
    void sumInto(long fromUnit, long toUnit, long[] sums) {
        for (long u = fromUnit; u < toUnit; u++) {
            int i = index(u);
            if (units[i] == u) {
                for (int m = 0; m < METRICS; m++) {
                    sums[m] += values[i * METRICS + m];
                }
            }
        }
    }

    interface BucketVisitor {
        void bucket(long unit, long frames, long bytes, long exchanges, long errors);
    }

    void forEachBucket(BucketVisitor visitor) {
        for (int i = 0; i < units.length; i++) {
            if (units[i] != EMPTY) {
                int b = i * METRICS;
                visitor.bucket(units[i], values[b + FRAMES], values[b + BYTES], values[b + EXCHANGES], values[b + ERRORS]);
            }
        }
    }

    void clear() {
        Arrays.fill(units, EMPTY);
        Arrays.fill(values, 0);
    }

    long heapBytes() {
        return 8L * (units.length + values.length);
    }

    private int index(long unit) {
        return (int) Math.floorMod(unit, (long) units.length);
    }
}
