package org.fcredirect.fastpath.impl;

import org.fcredirect.fastpath.api.DropReason;
import org.fcredirect.fc.FrameView;

/**
 * Frames travelling together from a source to a worker and back: packed into one preallocated
 * buffer, each with its VSAN, a source timestamp and a tag the source gave it; the worker fills in
 * a verdict per frame. Batches are recycled by their source, so the pipeline allocates nothing.
 */
final class FrameBatch {
    static final int MAX_FRAMES = 64;
    static final int BYTES = 64 * 1024;
    /** Verdict of a forwarded frame; a drop is its reason's ordinal plus one. */
    static final byte FORWARDED = 0;
    /** Longest frame copied into a batch; longer ones are cut to this, which still reads as too long. */
    static final int MAX_COPY = FrameView.MAX_FRAME_LENGTH + 4;

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

    FrameBatch(Lane lane) {
        this.lane = lane;
    }

    boolean fits(int len) {
        return count < MAX_FRAMES && used + len <= BYTES;
    }

    /** Reserves room for a frame; the caller writes its {@code len} bytes at the returned offset. */
    int add(int frameVsan, long time, long frameTag, int len) {
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

    /** The reason of a drop verdict. */
    static DropReason reasonOf(byte verdict) {
        return DropReason.values()[verdict - 1];
    }
}
