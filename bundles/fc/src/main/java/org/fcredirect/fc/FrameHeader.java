package org.fcredirect.fc;

/**
 * An FC-2 frame header as an immutable value, for the control plane, tools and tests. The fast
 * path uses {@link FrameView} instead.
 */
public record FrameHeader(int rCtl, FcId dId, int csCtl, FcId sId, int type, int fCtl, int seqId,
                          int dfCtl, int seqCnt, int oxId, int rxId, int parameter) {

    public FrameHeader {
        checkRange("R_CTL", rCtl, 0xFF);
        checkRange("CS_CTL", csCtl, 0xFF);
        checkRange("TYPE", type, 0xFF);
        checkRange("F_CTL", fCtl, 0xFFFFFF);
        checkRange("SEQ_ID", seqId, 0xFF);
        checkRange("DF_CTL", dfCtl, 0xFF);
        checkRange("SEQ_CNT", seqCnt, 0xFFFF);
        checkRange("OX_ID", oxId, 0xFFFF);
        checkRange("RX_ID", rxId, 0xFFFF);
        if (dId == null || sId == null) {
            throw new FcFormatException("frame header: D_ID and S_ID are required");
        }
    }

    private static void checkRange(String field, int v, int max) {
        if (v < 0 || v > max) {
            throw FcFormatException.of("frame header " + field, "0x" + Integer.toHexString(v),
                    "must be 0..0x" + Integer.toHexString(max));
        }
    }

    /**
     * Decodes the header at {@code off}; {@code len} is the whole frame's length.
     *
     * @throws FcFormatException when fewer than 24 bytes are there, or the frame is not inside {@code buf}
     */
    public static FrameHeader decode(byte[] buf, int off, int len) {
        // written so that off + len cannot overflow
        if (off < 0 || len < 0 || len > buf.length - off) {
            throw FcFormatException.of("frame", "offset " + off + ", length " + len,
                    "outside the " + buf.length + "-byte buffer");
        }
        if (len < FrameView.HEADER_LENGTH) {
            throw FcFormatException.of("frame", Hex.encode(buf, off, len),
                    "truncated: " + len + " bytes, the header alone needs " + FrameView.HEADER_LENGTH);
        }
        FrameView v = new FrameView().wrap(buf, off, len);
        return new FrameHeader(v.rCtl(), FcId.of(v.dId()), v.csCtl(), FcId.of(v.sId()), v.type(), v.fCtl(),
                v.seqId(), v.dfCtl(), v.seqCnt(), v.oxId(), v.rxId(), v.parameter());
    }

    /** Writes the 24 header bytes at {@code off}. */
    public void encode(byte[] buf, int off) {
        FrameView v = new FrameView().wrap(buf, off, FrameView.HEADER_LENGTH);
        v.rCtl(rCtl);
        v.dId(dId.value());
        v.csCtl(csCtl);
        v.sId(sId.value());
        v.type(type);
        v.fCtl(fCtl);
        v.seqId(seqId);
        v.dfCtl(dfCtl);
        v.seqCnt(seqCnt);
        v.oxId(oxId);
        v.rxId(rxId);
        v.parameter(parameter);
    }

    public byte[] toBytes() {
        byte[] b = new byte[FrameView.HEADER_LENGTH];
        encode(b, 0);
        return b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A copy with other addresses, the way a redirect rewrite changes a frame. */
    public FrameHeader withAddresses(FcId newDId, FcId newSId) {
        return new FrameHeader(rCtl, newDId, csCtl, newSId, type, fCtl, seqId, dfCtl, seqCnt, oxId, rxId, parameter);
    }

    /** Builds a header field by field; unset fields are zero, RX_ID defaults to FFFF (unassigned). */
    public static final class Builder {
        private int rCtl;
        private FcId dId;
        private int csCtl;
        private FcId sId;
        private int type;
        private int fCtl;
        private int seqId;
        private int dfCtl;
        private int seqCnt;
        private int oxId;
        private int rxId = 0xFFFF;
        private int parameter;

        public Builder rCtl(int v) { rCtl = v; return this; }
        public Builder dId(FcId v) { dId = v; return this; }
        public Builder csCtl(int v) { csCtl = v; return this; }
        public Builder sId(FcId v) { sId = v; return this; }
        public Builder type(int v) { type = v; return this; }
        public Builder fCtl(int v) { fCtl = v; return this; }
        public Builder seqId(int v) { seqId = v; return this; }
        public Builder dfCtl(int v) { dfCtl = v; return this; }
        public Builder seqCnt(int v) { seqCnt = v; return this; }
        public Builder oxId(int v) { oxId = v; return this; }
        public Builder rxId(int v) { rxId = v; return this; }
        public Builder parameter(int v) { parameter = v; return this; }

        public FrameHeader build() {
            return new FrameHeader(rCtl, dId, csCtl, sId, type, fCtl, seqId, dfCtl, seqCnt, oxId, rxId, parameter);
        }
    }
}
