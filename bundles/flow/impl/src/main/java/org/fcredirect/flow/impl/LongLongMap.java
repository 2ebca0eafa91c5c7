package org.fcredirect.flow.impl;

import java.util.Arrays;

/**
 * An open-addressing hash map from {@code long} to {@code long} without boxing: linear probing,
 * backward-shift deletion (no tombstones), load factor at most 1/2. Not thread-safe.
 */
final class LongLongMap {
    /** What {@link #get} returns for a missing key. */
    static final long MISSING = Long.MIN_VALUE;

    private long[] keys;
    private long[] values;
    private boolean[] used;
    private int size;
    private int mask;

    LongLongMap() {
        this(16);
    }

    LongLongMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new long[capacity];
        used = new boolean[capacity];
        mask = capacity - 1;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32) & mask;
    }

    long get(long key) {
        for (int i = slot(key); used[i]; i = i + 1 & mask) {
            if (keys[i] == key) {
                return values[i];
            }
        }
        return MISSING;
    }

    boolean containsKey(long key) {
        return get(key) != MISSING;
    }

    /** @param value anything but {@link #MISSING} */
    void put(long key, long value) {
        int i = slot(key);
        for (; used[i]; i = i + 1 & mask) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
        }
        used[i] = true;
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            rehash();
        }
    }

    /** @return the value removed, or {@link #MISSING} */
    long remove(long key) {
        int i = slot(key);
        while (used[i] && keys[i] != key) {
            i = i + 1 & mask;
        }
        if (!used[i]) {
            return MISSING;
        }
        long removed = values[i];
        // backward shift: move later entries of the probe run into the gap where they belong
        int gap = i;
        for (int j = gap + 1 & mask; used[j]; j = j + 1 & mask) {
            int home = slot(keys[j]);
            if ((j - home & mask) >= (j - gap & mask)) {
                keys[gap] = keys[j];
                values[gap] = values[j];
                gap = j;
            }
        }
        used[gap] = false;
        size--;
        return removed;
    }

    int size() {
        return size;
    }

    void clear() {
        Arrays.fill(used, false);
        size = 0;
    }

    /** Calls {@code visitor} for every entry, in no particular order. */
    void forEach(LongLongVisitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (used[i]) {
                visitor.visit(keys[i], values[i]);
            }
        }
    }

    private void rehash() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        boolean[] oldUsed = used;
        allocate(oldKeys.length * 2);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    @FunctionalInterface
    interface LongLongVisitor {
        void visit(long key, long value);
    }
}
