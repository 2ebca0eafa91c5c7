package org.fcredirect.fastpath.impl;

import org.fcredirect.fastpath.api.PuntedFrame;
import org.fcredirect.fc.FCtl;
import org.fcredirect.fc.FrameView;

/** One preallocated place in a punt queue: a frame's header and the start of its payload. */
final class PuntSlot {
    static final int BYTES = FrameView.HEADER_LENGTH + PuntedFrame.MAX_PAYLOAD;
    private static final int F_CTL_LOW_BYTE = 11;
    private static final int DF_CTL = 13;

    final byte[] data = new byte[BYTES];
    int length;
    int vsan;
    long timestamp;

    /**
     * Copies the header and the payload (without optional headers and fill bytes, which the copy's
     * DF_CTL and F_CTL then no longer announce) of a checked frame.
     */
    void fill(FrameView v, int vsan, long timestamp) {
        byte[] src = v.buffer();
        System.arraycopy(src, v.offset(), data, 0, FrameView.HEADER_LENGTH);
        data[DF_CTL] = 0;
        data[F_CTL_LOW_BYTE] &= (byte) ~FCtl.FILL_BYTES_MASK;
        int n = Math.min(v.payloadLength() - v.fillBytes(), PuntedFrame.MAX_PAYLOAD);
        System.arraycopy(src, v.payloadOffset(), data, FrameView.HEADER_LENGTH, n);
        this.length = FrameView.HEADER_LENGTH + n;
        this.vsan = vsan;
        this.timestamp = timestamp;
    }
}
