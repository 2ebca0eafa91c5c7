package org.fcredirect.traffic.impl;

import java.util.Arrays;

import org.fcredirect.fc.FCtl;
import org.fcredirect.fc.FcType;
import org.fcredirect.fc.FrameView;
import org.fcredirect.fc.RCtl;

/**
 * Writes the four FCP frames of a SCSI exchange straight into a batch buffer, as an initiator and
 * a target would send them: FCP_CMND with a READ(10) or WRITE(10) CDB, XFER_RDY for the whole
 * transfer, FCP_DATA frames with relative offsets, and a GOOD FCP_RSP. One instance per source
 * thread (it reuses a view).
 */
final class FcpFrames {
    static final int COMMAND_LENGTH = FrameView.HEADER_LENGTH + 32;
    static final int TRANSFER_READY_LENGTH = FrameView.HEADER_LENGTH + 12;
    static final int RESPONSE_LENGTH = FrameView.HEADER_LENGTH + 24;
    private static final int RX_UNASSIGNED = 0xFFFF;
    private static final int READ_10 = 0x28;
    private static final int WRITE_10 = 0x2A;
    private static final int BLOCK = 512;

    private final FrameView view = new FrameView();

    private FrameView header(byte[] b, int off, int len, int rctl, int did, int sid, int fctl, int seqId, int seqCnt,
            int ox, int rx, int parameter) {
        FrameView v = view.wrap(b, off, len);
        v.rCtl(rctl);
        v.dId(did);
        v.csCtl(0);
        v.sId(sid);
        v.type(FcType.FCP);
        v.fCtl(fctl);
        v.seqId(seqId);
        v.dfCtl(0);
        v.seqCnt(seqCnt);
        v.oxId(ox);
        v.rxId(rx);
        v.parameter(parameter);
        return v;
    }

    /** An initiator's command for {@code dataLength} bytes at block {@code lba}; LUN 0. */
    void command(byte[] b, int off, int did, int sid, int ox, boolean write, int lba, int dataLength) {
        header(b, off, COMMAND_LENGTH, RCtl.FCP_CMND, did, sid,
                FCtl.FIRST_SEQUENCE | FCtl.END_SEQUENCE | FCtl.SEQUENCE_INITIATIVE, 0, 0, ox, RX_UNASSIGNED, 0);
        int p = off + FrameView.HEADER_LENGTH;
        Arrays.fill(b, p, p + 32, (byte) 0);
        b[p + 11] = (byte) (write ? 0x01 : 0x02);
        int cdb = p + 12;
        b[cdb] = (byte) (write ? WRITE_10 : READ_10);
        putInt(b, cdb + 2, lba);
        int blocks = dataLength / BLOCK;
        b[cdb + 7] = (byte) (blocks >>> 8);
        b[cdb + 8] = (byte) blocks;
        putInt(b, p + 28, dataLength);
    }

    /** The target asks for all of a write's data. */
    void transferReady(byte[] b, int off, int did, int sid, int ox, int dataLength) {
        header(b, off, TRANSFER_READY_LENGTH, RCtl.FCP_XFER_RDY, did, sid,
                FCtl.EXCHANGE_CONTEXT | FCtl.END_SEQUENCE | FCtl.SEQUENCE_INITIATIVE, 1, 0, ox, ox, 0);
        int p = off + FrameView.HEADER_LENGTH;
        Arrays.fill(b, p, p + 12, (byte) 0);
        putInt(b, p + 4, dataLength);
    }

    /**
     * Data frame {@code index} of an exchange, {@code length} bytes at {@code relativeOffset}. The
     * data bytes are left as the buffer holds them: nothing on the way reads them.
     */
    void data(byte[] b, int off, int did, int sid, int ox, boolean fromTarget, int index, int relativeOffset,
            int length, boolean last) {
        int fctl = FCtl.RELATIVE_OFFSET | (fromTarget ? FCtl.EXCHANGE_CONTEXT : 0)
                | (last ? FCtl.END_SEQUENCE | (fromTarget ? 0 : FCtl.SEQUENCE_INITIATIVE) : 0);
        header(b, off, FrameView.HEADER_LENGTH + length, RCtl.FCP_DATA, did, sid, fctl, 2, index, ox, ox,
                relativeOffset);
    }

    /** The target's GOOD status. */
    void response(byte[] b, int off, int did, int sid, int ox) {
        header(b, off, RESPONSE_LENGTH, RCtl.FCP_RSP, did, sid,
                FCtl.EXCHANGE_CONTEXT | FCtl.LAST_SEQUENCE | FCtl.END_SEQUENCE, 3, 0, ox, ox, 0);
        int p = off + FrameView.HEADER_LENGTH;
        Arrays.fill(b, p, p + 24, (byte) 0);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
