package org.fcredirect.fc.els;

import org.fcredirect.fc.FCtl;
import org.fcredirect.fc.FcId;
import org.fcredirect.fc.FcType;
import org.fcredirect.fc.FrameHeader;
import org.fcredirect.fc.FrameView;
import org.fcredirect.fc.RCtl;

/**
 * Whole FC-2 frames of single-frame ELS exchanges: the request opens the exchange (OX_ID chosen by
 * the originator, RX_ID unassigned) and passes the sequence initiative; the reply closes it from
 * the responder's side.
 */
public final class ElsFrames {
    /** Addresses of the fabric controller and of a port that has none yet (FC-FS-4). */
    public static final int FABRIC_CONTROLLER = 0xFFFFFE;
    public static final int UNIDENTIFIED = 0x000000;

    private static final int REQUEST_F_CTL = FCtl.FIRST_SEQUENCE | FCtl.END_SEQUENCE | FCtl.SEQUENCE_INITIATIVE;
    private static final int REPLY_F_CTL = FCtl.EXCHANGE_CONTEXT | FCtl.LAST_SEQUENCE | FCtl.END_SEQUENCE;

    private ElsFrames() {
    }

    public static byte[] request(int sId, int dId, int oxId, byte[] payload) {
        return frame(RCtl.ELS_REQUEST, sId, dId, REQUEST_F_CTL, oxId, 0xFFFF, payload);
    }

    /** The reply to a request from {@code dId} (the originator) to {@code sId}. */
    public static byte[] reply(int sId, int dId, int oxId, int rxId, byte[] payload) {
        return frame(RCtl.ELS_REPLY, sId, dId, REPLY_F_CTL, oxId, rxId, payload);
    }

    private static byte[] frame(int rCtl, int sId, int dId, int fCtl, int oxId, int rxId, byte[] payload) {
        int fill = -payload.length & 3;
        byte[] f = new byte[FrameView.HEADER_LENGTH + payload.length + fill];
        FrameHeader.builder().rCtl(rCtl).type(FcType.ELS).sId(FcId.of(sId & 0xFFFFFF)).dId(FcId.of(dId & 0xFFFFFF))
                .fCtl(fCtl | fill).oxId(oxId).rxId(rxId).build().encode(f, 0);
        System.arraycopy(payload, 0, f, FrameView.HEADER_LENGTH, payload.length);
        return f;
    }
}
