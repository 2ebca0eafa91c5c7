package org.fcredirect.fastpath.impl;

/**
 * Flow-table keys: VSAN, S_ID and D_ID packed into one {@code long} (12 + 24 + 24 bits, never 0
 * since a VSAN is 1..4094), and the hashes that place them. The shard of a frame depends on its
 * address pair in either order, so a flow's two directions between the same ports (I→T, T→I) meet
 * in one worker and its exchanges can be timed there.
 */
final class Keys {
    private static final long SHARD_MIX = 0xD6E8FEB86659FD93L;
    private static final long TABLE_MIX = 0x9E3779B97F4A7C15L;
    private static final long LUN_MIX = 0xC2B2AE3D27D4EB4FL;

    private Keys() {
    }

    static long pack(int vsan, int sid, int did) {
        return (long) vsan << 48 | (long) sid << 24 | did;
    }

    static int vsan(long key) {
        return (int) (key >>> 48);
    }

    static int sid(long key) {
        return (int) (key >>> 24) & 0xFFFFFF;
    }

    static int did(long key) {
        return (int) key & 0xFFFFFF;
    }

    /** The worker owning frames between {@code a} and {@code b} in a VSAN, whichever way they go. */
    static int shard(int vsan, int a, int b, int workers) {
        long pair = a < b ? pack(vsan, a, b) : pack(vsan, b, a);
        return range(pair * SHARD_MIX, workers);
    }

    /** Home slot of a key in a table of {@code capacity} slots. */
    static int slot(long key, int capacity) {
        return range(key * TABLE_MIX, capacity);
    }

    static int slot(long key, long lun, int capacity) {
        return range((key ^ lun * LUN_MIX) * TABLE_MIX, capacity);
    }

    /** Maps the high 32 bits of a mixed hash onto 0..n-1 without a division (Lemire's reduction). */
    private static int range(long mixed, int n) {
        return (int) ((mixed >>> 32) * n >>> 32);
    }
}
