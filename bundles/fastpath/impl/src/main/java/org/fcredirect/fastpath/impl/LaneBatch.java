package org.fcredirect.fastpath.impl;

import org.fcredirect.fastpath.api.DropReason;
import org.fcredirect.fastpath.api.FrameBatch;

/**
 * The one {@link FrameBatch} of the fast path, on a lane. The worker reads and writes its arrays
 * directly; sources go through the interface, whose only implementation this is, so those calls
 * stay monomorphic. Batches are recycled by their source, so the pipeline allocates nothing.
 */
final class LaneBatch implements FrameBatch {

    final Lane lane;
    final byte[] data = new byte[BYTES];
    final int[] offset = new int[MAX_FRAMES];
    final int[] length = new int[MAX_FRAMES];
    final int[] vsan = new int[MAX_FRAMES];
    final long[] timestamp = new long[MAX_FRAMES];
    final long[] tag = new long[MAX_FRAMES];
    final byte[] verdict = new byte[MAX_FRAMES];
    int count;
    private int used;

    LaneBatch(Lane lane) {
        this.lane = lane;
    }

    @Override
    public boolean fits(int len) {
        return count < MAX_FRAMES && used + len <= BYTES;
    }

    @Override
    public int add(int frameVsan, long time, long frameTag, int len) {
        int at = used;
        offset[count] = at;
        length[count] = len;
        vsan[count] = frameVsan;
        timestamp[count] = time;
        tag[count] = frameTag;
        verdict[count] = FORWARDED;
        count++;
        used += len;
        return at;
    }

    boolean isEmpty() {
        return count == 0;
    }

    void clear() {
        count = 0;
        used = 0;
    }

    static byte verdictOf(DropReason reason) {
        return (byte) (reason.ordinal() + 1);
    }

    @Override
    public int worker() {
        return lane.worker;
    }

    @Override
    public byte[] data() {
        return data;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public int offset(int frame) {
        return offset[frame];
    }

    @Override
    public int length(int frame) {
        return length[frame];
    }

    @Override
    public int vsan(int frame) {
        return vsan[frame];
    }

    @Override
    public long tag(int frame) {
        return tag[frame];
    }

    @Override
    public byte verdict(int frame) {
        return verdict[frame];
    }
}
