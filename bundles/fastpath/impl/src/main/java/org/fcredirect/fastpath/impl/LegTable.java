package org.fcredirect.fastpath.impl;

/**
 * One worker's open-addressing table of rules ("legs"), keyed by packed VSAN + S_ID + D_ID (and,
 * for the narrowed table, a LUN). Each slot is 6 longs in one array, so a frame's lookup, rewrite,
 * counting and exchange timing touch only its 48 bytes: key, value, the traffic toward the target
 * and toward the initiator (each one long of frames and bytes, see {@link #ONE_FRAME}), exchanges
 * opened and completed, and the flow id. LUNs of the narrowed table live beside it. Linear
 * probing, tombstones on removal so slots never move between rehashes, and a bitmap of slots whose
 * counters changed since they were last shipped. Single writer: the owning worker.
 */
final class LegTable {
    static final int STRIDE = 6;
    static final int KEY = 0;
    static final int VALUE = 1;
    static final int TO_TARGET = 2;
    static final int TO_INITIATOR = 3;
    /** Exchanges opened and completed, see {@link #ONE_COMPLETED}. */
    static final int EXCHANGES = 4;
    /** The flow id; a placeholder keeps its fallback LUN here. */
    static final int FLOW = 5;

    /**
     * A traffic counter holds frames above bit {@value #BYTE_BITS} and bytes below, so one add
     * counts a frame and its length. A frame is under 2^12 bytes, so the bytes cannot reach the
     * frames' bits before the frames reach 2^26; the counter turns negative at 2^25 frames, and the
     * worker settles the slot then ({@link #full}).
     */
    static final int BYTE_BITS = 38;
    static final long ONE_FRAME = 1L << BYTE_BITS;
    private static final long BYTE_MASK = ONE_FRAME - 1;
    /** Exchange counters: opened in the low half, completed in the high half; each at most a frame count. */
    static final long ONE_COMPLETED = 1L << 32;

    // packed keys are never negative, whatever VSAN a source claims
    private static final long EMPTY = Long.MIN_VALUE;
    private static final long TOMBSTONE = Long.MIN_VALUE + 1;
    private static final int MIN_CAPACITY = 16;

    private final boolean byLun;
    long[] e;
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

    long flowId(int slot) {
        return e[slot * STRIDE + FLOW];
    }

    void flowId(int slot, long flow) {
        e[slot * STRIDE + FLOW] = flow;
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
        e[b + VALUE] = value;
        e[b + FLOW] = flowId;
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
        live--;
        tombstones++;
    }

    void clear() {
        allocate(MIN_CAPACITY);
    }

    private void rehash(int cap) {
        long[] oldE = e;
        long[] oldLuns = luns;
        int oldCap = capacity;
        allocate(cap);
        for (int i = 0; i < oldCap; i++) {
            long k = oldE[i * STRIDE];
            if (k == EMPTY || k == TOMBSTONE) {
                continue;
            }
            int slot = insert(k, byLun ? oldLuns[i] : 0, 0, 0);
            System.arraycopy(oldE, i * STRIDE + VALUE, e, slot * STRIDE + VALUE, STRIDE - VALUE);
            if (hasCounts(slot)) {
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
        long bit = 1L << slot;
        if ((dirty[slot >>> 6] & bit) == 0) {
            dirty[slot >>> 6] |= bit;
            dirtyCount++;
        }
    }

    private void clearDirty(int slot) {
        long bit = 1L << slot;
        if ((dirty[slot >>> 6] & bit) != 0) {
            dirty[slot >>> 6] &= ~bit;
            dirtyCount--;
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
        e[b + TO_TARGET] = 0;
        e[b + TO_INITIATOR] = 0;
        e[b + EXCHANGES] = 0;
        clearDirty(slot);
    }

    boolean hasCounts(int slot) {
        int b = slot * STRIDE;
        return e[b + TO_TARGET] != 0 || e[b + TO_INITIATOR] != 0 || e[b + EXCHANGES] != 0;
    }

    /** Unpacks a slot's counters into {@code into}, in {@link RetiredDeltas}' field order. */
    void counters(int slot, long[] into) {
        int b = slot * STRIDE;
        long toTarget = e[b + TO_TARGET];
        long toInitiator = e[b + TO_INITIATOR];
        long x = e[b + EXCHANGES];
        into[RetiredDeltas.FRAMES_TO_TARGET] = frames(toTarget);
        into[RetiredDeltas.BYTES_TO_TARGET] = bytes(toTarget);
        into[RetiredDeltas.FRAMES_TO_INITIATOR] = frames(toInitiator);
        into[RetiredDeltas.BYTES_TO_INITIATOR] = bytes(toInitiator);
        into[RetiredDeltas.DROPPED] = LegValue.action(e[b + VALUE]) == LegValue.DROP
                ? frames(toTarget) + frames(toInitiator) : 0;
        into[RetiredDeltas.OPENED] = x & 0xFFFF_FFFFL;
        into[RetiredDeltas.COMPLETED] = x >>> 32;
    }

    /** Whether a traffic counter after an add needs its slot settled before it overflows. */
    static boolean full(long traffic) {
        return traffic < 0;
    }

    static long frames(long traffic) {
        return traffic >>> BYTE_BITS;
    }

    static long bytes(long traffic) {
        return traffic & BYTE_MASK;
    }
}
