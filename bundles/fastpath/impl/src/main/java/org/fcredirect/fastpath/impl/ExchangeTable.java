package org.fcredirect.fastpath.impl;

import java.util.Arrays;

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
    private static final int ROUTE_ONLY = 1 << 16;
    private static final long WRITE = 1L << 32;

    private final long[] key;
    private final int[] ox;
    private final long[] started;
    private final long[] flow;
    private final long[] lun;
    private final long[] info;
    private final int bucketMask;
    private int open;
    private long evicted;

    /** @param capacity exchanges it should hold without evicting */
    ExchangeTable(int capacity) {
        int buckets = Integer.highestOneBit(Math.max(2, capacity * 2 / WAYS - 1)) << 1;
        int n = buckets * WAYS;
        key = new long[n];
        Arrays.fill(key, EMPTY);
        ox = new int[n];
        started = new long[n];
        flow = new long[n];
        lun = new long[n];
        info = new long[n];
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
            if (key[i] == k && (ox[i] & 0xFFFF) == oxId) {
                return i;
            }
        }
        return -1;
    }

    private int free(int b) {
        for (int i = b; i < b + WAYS; i++) {
            if (key[i] == EMPTY) {
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
        if (key[slot] != EMPTY) {
            forget(slot);
        }
        key[slot] = k;
        ox[slot] = oxId | (routeOnly ? ROUTE_ONLY : 0);
        started[slot] = time;
        flow[slot] = flowId;
        lun[slot] = lunValue;
        info[slot] = dataLength & 0xFFFF_FFFFL | (write ? WRITE : 0);
        if (!routeOnly) {
            open++;
        }
    }

    /** The entry of bucket {@code b} to give way, compared with {@code best} so far. */
    private int victim(int b, int best) {
        int v = best;
        for (int i = b; i < b + WAYS; i++) {
            if ((ox[v] & ROUTE_ONLY) != 0) {
                return v;
            }
            if ((ox[i] & ROUTE_ONLY) != 0 || started[i] < started[v]) {
                v = i;
            }
        }
        return v;
    }
    private void forget(int slot) {
        if ((ox[slot] & ROUTE_ONLY) == 0) {
            open--;
            evicted++;
        }
        key[slot] = EMPTY;
    }

    /** Removes a timed entry whose response arrived. */
    void complete(int slot) {
        if ((ox[slot] & ROUTE_ONLY) == 0) {
            open--;
        }
        key[slot] = EMPTY;
    }

    boolean timed(int slot) {
        return (ox[slot] & ROUTE_ONLY) == 0;
    }

    long started(int slot) {
        return started[slot];
    }

    long flow(int slot) {
        return flow[slot];
    }

    long lun(int slot) {
        return lun[slot];
    }

    long dataLength(int slot) {
        return info[slot] & 0xFFFF_FFFFL;
    }

    boolean write(int slot) {
        return (info[slot] & WRITE) != 0;
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
        Arrays.fill(key, EMPTY);
        open = 0;
    }
}
