package org.fcredirect.fastpath.impl;

import org.fcredirect.fc.FCtl;
import org.fcredirect.fc.FcId;
import org.fcredirect.fc.FcType;
import org.fcredirect.fc.FrameHeader;
import org.fcredirect.fc.FrameView;
import org.fcredirect.fc.RCtl;
import org.fcredirect.fc.fcp.FcpCmnd;
import org.fcredirect.fc.fcp.FcpRsp;

/** FC frames for tests, built with the fc bundle's codecs. */
public final class TestFrames {
    public static final int READ_10 = 0x28;

    private TestFrames() {
    }

    public static byte[] frame(int rctl, int type, int sid, int did, int fctl, int ox, byte[] payload) {
        byte[] f = new byte[FrameView.HEADER_LENGTH + payload.length];
        FrameHeader.builder().rCtl(rctl).type(type).sId(FcId.of(sid)).dId(FcId.of(did)).fCtl(fctl).oxId(ox).build()
                .encode(f, 0);
        System.arraycopy(payload, 0, f, FrameView.HEADER_LENGTH, payload.length);
        return f;
    }

    public static byte[] command(int sid, int did, int ox, long lun, boolean write, int dataLength) {
        byte[] iu = FcpCmnd.builder().lun(lun).readData(!write).writeData(write).cdb((byte) (write ? 0x2A : READ_10))
                .dataLength(dataLength).build().encode();
        return frame(RCtl.FCP_CMND, FcType.FCP, sid, did, FCtl.FIRST_SEQUENCE | FCtl.END_SEQUENCE
                | FCtl.SEQUENCE_INITIATIVE, ox, iu);
    }

    public static byte[] command(int sid, int did, int ox) {
        return command(sid, did, ox, 0, false, 4096);
    }

    public static byte[] data(int sid, int did, int ox, boolean fromTarget, int length) {
        return frame(RCtl.FCP_DATA, FcType.FCP, sid, did, FCtl.RELATIVE_OFFSET
                | (fromTarget ? FCtl.EXCHANGE_CONTEXT : 0), ox, new byte[length]);
    }

    public static byte[] response(int sid, int did, int ox) {
        return frame(RCtl.FCP_RSP, FcType.FCP, sid, did, FCtl.EXCHANGE_CONTEXT | FCtl.LAST_SEQUENCE
                | FCtl.END_SEQUENCE, ox, FcpRsp.good().encode());
    }

    /** An ELS request: not FCP, so it is only forwarded and counted. */
    public static byte[] els(int sid, int did, int ox) {
        return frame(RCtl.ELS_REQUEST, FcType.ELS, sid, did, FCtl.FIRST_SEQUENCE | FCtl.END_SEQUENCE
                | FCtl.SEQUENCE_INITIATIVE, ox, new byte[8]);
    }

    public static int sid(byte[] frame) {
        return new FrameView().wrap(frame, 0, frame.length).sId();
    }

    public static int did(byte[] frame) {
        return new FrameView().wrap(frame, 0, frame.length).dId();
    }
}
