package org.fcredirect.storage.impl;

import java.util.Arrays;

/**
 * Sequence number to byte offset, one entry every {@link #EVERY_RECORDS} records or
 * {@link #EVERY_BYTES} bytes of a segment: a read binary-searches it, then scans forward at most
 * that far. One writer (the log writer, or recovery before the segment is shared) and any number
 * of readers; an entry is published by the volatile write of {@link #size}.
 */
final class SparseIndex {
    static final int EVERY_RECORDS = 256;
    static final int EVERY_BYTES = 64 * 1024;

    private volatile long[] sequences = new long[64];
    private volatile int[] offsets = new int[64];
    private volatile int size;

    private int recordsSinceEntry;
    private int lastEntryOffset;

    /** Called by the single writer for every record it stores, in order. */
    void onRecord(long sequence, int offset) {
        int n = size;
        if (n == 0 || ++recordsSinceEntry >= EVERY_RECORDS || offset - lastEntryOffset >= EVERY_BYTES) {
            if (n == sequences.length) {
                // copies are published before the size that makes their new slot visible
                sequences = Arrays.copyOf(sequences, n * 2);
                offsets = Arrays.copyOf(offsets, n * 2);
            }
            sequences[n] = sequence;
            offsets[n] = offset;
            recordsSinceEntry = 0;
            lastEntryOffset = offset;
            size = n + 1;
        }
    }

    /**
     * @return the last entry at or below {@code sequence} as {@code {sequence, offset}}, or null
     *         when there is none
     */
    long[] floor(long sequence) {
        int n = size;
        long[] s = sequences;
        int[] o = offsets;
        int lo = 0;
        int hi = n - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] <= sequence) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? null : new long[] {s[found], o[found]};
    }

    int size() {
        return size;
    }
}
