package org.fcredirect.stats.impl;

import java.util.Arrays;

/**
 * Flow id to row, open addressing with linear probing over primitive arrays (no boxing, no
 * entry objects: 12 bytes per slot, at most half full). Rows are never removed.
 */
final class FlowIndex {
    private static final int NONE = -1;

    private long[] keys;
    private int[] rows;
    private int size;

    FlowIndex(int initialCapacity) {
        int cap = Integer.highestOneBit(Math.max(16, initialCapacity * 2 - 1)) << 1;
        keys = new long[cap];
        rows = new int[cap];
        Arrays.fill(rows, NONE);
    }

    /** The row of {@code key}, or -1. */
    int get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            int row = rows[i];
            if (row == NONE || keys[i] == key) {
                return row;
            }
        }
    }

    /** Maps a key that is not present yet. */
    void put(long key, int row) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        insert(key, row);
        size++;
    }

    int size() {
        return size;
    }

    long heapBytes() {
        return 12L * keys.length;
    }

    private void insert(long key, int row) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (rows[i] != NONE) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        rows[i] = row;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new int[oldRows.length * 2];
        Arrays.fill(rows, NONE);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldRows[i] != NONE) {
                insert(oldKeys[i], oldRows[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
