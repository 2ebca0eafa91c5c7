package org.fcredirect.fastpath.impl;

/**
 * One worker's bounded table of open SCSI exchanges, keyed by VSAN, originator, responder and
 * OX_ID: when the command passed, for which flow, its LUN, FCP_DL and direction. Timed entries are
 * removed by their response; routing-only entries (kept so later frames of an appliance's copy of
 * an exchange find their LUN) age out. Each key may sit in either of two four-way buckets, and
 * twice the asked-for entries are allocated, so a table holding its nominal number of exchanges
 * practically never overflows; when both buckets are full, a routing-only entry or else the oldest
 * gives way, and evicting a timed one is counted.
 */
final class ExchangeTable {
    private static final int WAYS = 4;
    /** Packed keys are never negative, whatever VSAN a source claims. */
    private static final long EMPTY = -1L;
    /**
     * An entry is 5 longs in one array, so opening or completing an exchange touches one place,
     * not a column per field: key, then OX_ID (low 16 bits) with the flags and FCP_DL (high 32),
     * then start time, flow and LUN.
     */
    private static final int STRIDE = 5;
    private static final int KEY = 0;
    private static final int META = 1;
    private static final int STARTED = 2;
    private static final int FLOW = 3;
    private static final int LUN = 4;
    private static final long ROUTE_ONLY = 1L << 16;
    private static final long WRITE = 1L << 17;
    private static final int LENGTH_SHIFT = 32;

    private final long[] e;
    private final int bucketMask;
    private int open;
    private long evicted;

    /** @param capacity exchanges it should hold without evicting */
    ExchangeTable(int capacity) {
        int buckets = Integer.highestOneBit(Math.max(2, capacity * 2 / WAYS - 1)) << 1;
        e = new long[buckets * WAYS * STRIDE];
        clear();
        bucketMask = buckets - 1;
    }

    private static long mix(long k, int oxId) {
        return (k ^ (long) oxId << 40) * 0x9E3779B97F4A7C15L;
    }

    private int first(long h) {
        return ((int) (h >>> 40) & bucketMask) * WAYS;
    }

    private int second(long h) {
        return ((int) (h >>> 16) & bucketMask) * WAYS;
    }

    /** The entry of an exchange, or -1. */
    int find(long k, int oxId) {
        long h = mix(k, oxId);
        int i = scan(first(h), k, oxId);
        return i >= 0 ? i : scan(second(h), k, oxId);
    }

    private int scan(int b, long k, int oxId) {
        for (int i = b; i < b + WAYS; i++) {
            if (e[i * STRIDE + KEY] == k && ((int) e[i * STRIDE + META] & 0xFFFF) == oxId) {
                return i;
            }
        }
        return -1;
    }

    private int free(int b) {
        for (int i = b; i < b + WAYS; i++) {
            if (e[i * STRIDE + KEY] == EMPTY) {
                return i;
            }
        }
        return -1;
    }

    /** Records an exchange's command; a routing-only entry is not timed. */
    void open(long k, int oxId, long time, long flowId, long lunValue, long dataLength, boolean write,
            boolean routeOnly) {
        long h = mix(k, oxId);
        int b1 = first(h);
        int b2 = second(h);
        int slot = scan(b1, k, oxId);
        if (slot < 0) {
            slot = scan(b2, k, oxId);
        }
        if (slot < 0) {
            slot = free(b1);
        }
        if (slot < 0) {
            slot = free(b2);
        }
        if (slot < 0) {
            slot = victim(b1, victim(b2, b2));
        }
        int at = slot * STRIDE;
        if (e[at + KEY] != EMPTY) {
            forget(slot);
        }
        e[at + KEY] = k;
        e[at + META] = oxId & 0xFFFF | (routeOnly ? ROUTE_ONLY : 0) | (write ? WRITE : 0)
                | dataLength << LENGTH_SHIFT;
        e[at + STARTED] = time;
        e[at + FLOW] = flowId;
        e[at + LUN] = lunValue;
        if (!routeOnly) {
            open++;
        }
    }

    /** The entry of bucket {@code b} to give way, compared with {@code best} so far. */
    private int victim(int b, int best) {
        int v = best;
        for (int i = b; i < b + WAYS; i++) {
            if (!timed(v)) {
                return v;
            }
            if (!timed(i) || started(i) < started(v)) {
                v = i;
            }
        }
        return v;
    }

    private void forget(int slot) {
        if (timed(slot)) {
            open--;
            evicted++;
        }
        e[slot * STRIDE + KEY] = EMPTY;
    }

    /** Removes a timed entry whose response arrived. */
    void complete(int slot) {
        if (timed(slot)) {
            open--;
        }
        e[slot * STRIDE + KEY] = EMPTY;
    }

    boolean timed(int slot) {
        return (e[slot * STRIDE + META] & ROUTE_ONLY) == 0;
    }

    long started(int slot) {
        return e[slot * STRIDE + STARTED];
    }

    long flow(int slot) {
        return e[slot * STRIDE + FLOW];
    }

    long lun(int slot) {
        return e[slot * STRIDE + LUN];
    }

    long dataLength(int slot) {
        return e[slot * STRIDE + META] >>> LENGTH_SHIFT;
    }

    boolean write(int slot) {
        return (e[slot * STRIDE + META] & WRITE) != 0;
    }

    /** Timed exchanges open now. */
    int open() {
        return open;
    }

    /** Timed exchanges pushed out before their response. */
    long evicted() {
        return evicted;
    }

    void clear() {
        for (int at = KEY; at < e.length; at += STRIDE) {
            e[at] = EMPTY;
        }
        open = 0;
    }
}
