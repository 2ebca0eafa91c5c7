package org.fcredirect.fastpath.impl;

/**
 * One worker's open-addressing table of rules ("legs"), keyed by packed VSAN + S_ID + D_ID (and,
 * for the narrowed table, a LUN). Each slot is 8 longs in one array, so a lookup, the rewrite and
 * the counter update of a frame touch one slot: key, value, frames and bytes toward the target,
 * toward the initiator, exchanges opened and completed. Flow ids (read only when shipping and at
 * FCP_CMND) and LUNs live beside it. Linear probing, tombstones on removal so slots never move
 * between rehashes, and a bitmap of slots whose counters changed since they were last shipped.
 * Single writer: the owning worker.
 */
final class LegTable {
    static final int STRIDE = 8;
    static final int KEY = 0;
    static final int VALUE = 1;
    static final int FRAMES_TO_TARGET = 2;
    static final int BYTES_TO_TARGET = 3;
    static final int FRAMES_TO_INITIATOR = 4;
    static final int BYTES_TO_INITIATOR = 5;
    static final int OPENED = 6;
    static final int COMPLETED = 7;

    // packed keys are never negative, whatever VSAN a source claims
    private static final long EMPTY = Long.MIN_VALUE;
    private static final long TOMBSTONE = Long.MIN_VALUE + 1;
    private static final int MIN_CAPACITY = 16;

    private final boolean byLun;
    long[] e;
    /** Flow id of each slot; a placeholder keeps its fallback LUN here. */
    long[] flowIds;
    private long[] luns;
    private long[] dirty;
    private int capacity;
    private int live;
    private int tombstones;
    private int dirtyCount;

    /** @param byLun whether keys carry a LUN (the narrowed table) */
    LegTable(boolean byLun, int expected) {
        this.byLun = byLun;
        allocate(capacityFor(expected));
    }

    private static int capacityFor(int entries) {
        return Math.max(MIN_CAPACITY, entries * 2);
    }

    private void allocate(int cap) {
        capacity = cap;
        e = new long[cap * STRIDE];
        for (int i = 0; i < cap; i++) {
            e[i * STRIDE] = EMPTY;
        }
        flowIds = new long[cap];
        luns = byLun ? new long[cap] : null;
        dirty = new long[(cap + 63) >>> 6];
        live = 0;
        tombstones = 0;
        dirtyCount = 0;
    }

    int size() {
        return live;
    }

    int capacity() {
        return capacity;
    }

    /** The slot holding {@code key}, or -1. */
    int find(long key) {
        long[] a = e;
        int cap = capacity;
        int i = Keys.slot(key, cap);
        while (true) {
            long k = a[i * STRIDE];
            if (k == key) {
                return i;
            }
            if (k == EMPTY) {
                return -1;
            }
            if (++i == cap) {
                i = 0;
            }
        }
    }

    /** The slot holding {@code key} narrowed to {@code lun}, or -1 (narrowed table). */
    int find(long key, long lun) {
        int cap = capacity;
        int i = Keys.slot(key, lun, cap);
        while (true) {
            long k = e[i * STRIDE];
            if (k == key && luns[i] == lun) {
                return i;
            }
            if (k == EMPTY) {
                return -1;
            }
            if (++i == cap) {
                i = 0;
            }
        }
    }

    long value(int slot) {
        return e[slot * STRIDE + VALUE];
    }

    void value(int slot, long v) {
        e[slot * STRIDE + VALUE] = v;
    }

    long key(int slot) {
        return e[slot * STRIDE];
    }

    long lun(int slot) {
        return luns[slot];
    }

    /** Adds a key known to be absent; may rehash, which moves slots. */
    int insert(long key, long lun, long value, long flowId) {
        if (live + tombstones + 1 > capacity * 3L / 4) {
            rehash(capacityFor(live + 1));
        }
        int i = byLun ? Keys.slot(key, lun, capacity) : Keys.slot(key, capacity);
        while (e[i * STRIDE] != EMPTY && e[i * STRIDE] != TOMBSTONE) {
            if (++i == capacity) {
                i = 0;
            }
        }
        if (e[i * STRIDE] == TOMBSTONE) {
            tombstones--;
        }
        int b = i * STRIDE;
        e[b] = key;
        e[b + VALUE] = value & ~LegValue.DIRTY;
        flowIds[i] = flowId;
        if (byLun) {
            luns[i] = lun;
        }
        live++;
        return i;
    }

    /** Removes a slot whose counters were settled. */
    void remove(int slot) {
        clearDirty(slot);
        int b = slot * STRIDE;
        e[b] = TOMBSTONE;
        for (int f = VALUE; f < STRIDE; f++) {
            e[b + f] = 0;
        }
        flowIds[slot] = 0;
        live--;
        tombstones++;
    }

    void clear() {
        allocate(MIN_CAPACITY);
    }

    private void rehash(int cap) {
        long[] oldE = e;
        long[] oldFlows = flowIds;
        long[] oldLuns = luns;
        int oldCap = capacity;
        allocate(cap);
        for (int i = 0; i < oldCap; i++) {
            long k = oldE[i * STRIDE];
            if (k == EMPTY || k == TOMBSTONE) {
                continue;
            }
            int slot = insert(k, byLun ? oldLuns[i] : 0, 0, oldFlows[i]);
            System.arraycopy(oldE, i * STRIDE + VALUE, e, slot * STRIDE + VALUE, STRIDE - VALUE);
            if ((e[slot * STRIDE + VALUE] & LegValue.DIRTY) != 0) {
                markDirty(slot);
            }
        }
    }

    /** Whether a slot holds a key (not empty, not removed). */
    boolean occupied(int slot) {
        long k = e[slot * STRIDE];
        return k != EMPTY && k != TOMBSTONE;
    }

    void markDirty(int slot) {
        dirty[slot >>> 6] |= 1L << slot;
        dirtyCount++;
    }

    private void clearDirty(int slot) {
        long bit = 1L << slot;
        if ((dirty[slot >>> 6] & bit) != 0) {
            dirty[slot >>> 6] &= ~bit;
            dirtyCount--;
            e[slot * STRIDE + VALUE] &= ~LegValue.DIRTY;
        }
    }

    int dirtyCount() {
        return dirtyCount;
    }

    /** The first dirty slot at or after {@code from}, or -1. */
    int nextDirty(int from) {
        int w = from >>> 6;
        if (w >= dirty.length) {
            return -1;
        }
        long bits = dirty[w] & -1L << (from & 63);
        while (bits == 0) {
            if (++w == dirty.length) {
                return -1;
            }
            bits = dirty[w];
        }
        return w << 6 | Long.numberOfTrailingZeros(bits);
    }

    /** Zeroes a slot's counters and marks it clean, after they were shipped or settled. */
    void resetCounters(int slot) {
        int b = slot * STRIDE;
        for (int f = FRAMES_TO_TARGET; f < STRIDE; f++) {
            e[b + f] = 0;
        }
        clearDirty(slot);
    }

    boolean hasCounts(int slot) {
        int b = slot * STRIDE;
        for (int f = FRAMES_TO_TARGET; f < STRIDE; f++) {
            if (e[b + f] != 0) {
                return true;
            }
        }
        return false;
    }
}
