package org.fcredirect.fc.testing;

import java.util.Arrays;

import org.fcredirect.fc.FCtl;
import org.fcredirect.fc.FrameHeader;
import org.fcredirect.fc.FrameView;

/** Builds whole FC frames (header, payload, fill bytes) for tests. */
public final class TestFrames {
    private TestFrames() {
    }

    /** Header then payload padded to a word, with F_CTL announcing the fill bytes. */
    public static byte[] frame(FrameHeader header, byte[] payload) {
        int fill = -payload.length & 3;
        FrameHeader h = new FrameHeader(header.rCtl(), header.dId(), header.csCtl(), header.sId(), header.type(),
                header.fCtl() & ~FCtl.FILL_BYTES_MASK | fill, header.seqId(), header.dfCtl(), header.seqCnt(),
                header.oxId(), header.rxId(), header.parameter());
        byte[] f = Arrays.copyOf(h.toBytes(), FrameView.HEADER_LENGTH + payload.length + fill);
        System.arraycopy(payload, 0, f, FrameView.HEADER_LENGTH, payload.length);
        return f;
    }
}
