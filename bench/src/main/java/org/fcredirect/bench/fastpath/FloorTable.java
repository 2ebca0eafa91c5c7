package org.fcredirect.bench.fastpath;

/**
 * The floor's flow table: the worker's rule-table layout (one slot of 6 longs: key, rewrite, two
 * traffic counters of frames and bytes in one long each, then exchange counters and flow id, which
 * the floor leaves alone; the same packed VSAN/S_ID/D_ID key, the same multiplicative hash, linear
 * probing), with nothing else: no tombstones, no LUN table, no dirty bitmap. What a frame costs
 * over this table is the least any fast path over 4 000 000 rules can spend.
 */
final class FloorTable {
    static final int STRIDE = 6;
    static final int VALUE = 1;
    static final int TRAFFIC = 2;
    /** A frame in a traffic counter: frames above bit 38, bytes below, as in the worker's table. */
    static final long ONE_FRAME = 1L << 38;
    private static final long EMPTY = Long.MIN_VALUE;
    private static final long TABLE_MIX = 0x9E3779B97F4A7C15L;

    final long[] e;
    private final int capacity;

    FloorTable(int expected) {
        capacity = expected * 2;
        e = new long[capacity * STRIDE];
        for (int i = 0; i < capacity; i++) {
            e[i * STRIDE] = EMPTY;
        }
    }

    static long key(int vsan, int sid, int did) {
        return (long) vsan << 48 | (long) sid << 24 | did;
    }

    /** A rewrite as one long: the new S_ID in the high 24 bits of the low 48, the new D_ID below. */
    static long rewrite(int sid, int did) {
        return (long) sid << 24 | did;
    }

    void put(long key, long value) {
        int i = home(key);
        while (e[i * STRIDE] != EMPTY && e[i * STRIDE] != key) {
            i = i + 1 == capacity ? 0 : i + 1;
        }
        e[i * STRIDE] = key;
        e[i * STRIDE + VALUE] = value;
    }

    /** The slot's offset into {@link #e}, or -1. */
    int find(long key) {
        long[] a = e;
        int i = home(key);
        while (true) {
            long k = a[i * STRIDE];
            if (k == key) {
                return i * STRIDE;
            }
            if (k == EMPTY) {
                return -1;
            }
            i = i + 1 == capacity ? 0 : i + 1;
        }
    }

    private int home(long key) {
        return (int) (((key * TABLE_MIX) >>> 32) * capacity >>> 32);
    }
}
