package org.fcredirect.fc.fcp;

import java.util.Arrays;

import org.fcredirect.fc.FcFormatException;
import org.fcredirect.fc.FrameView;
import org.fcredirect.fc.Hex;
import org.fcredirect.fc.RCtl;

/**
 * FCP_RSP (FCP-4 9.5): the status of a command. {@code flags} is the FCP_FLAGS byte; the
 * response information is present exactly when {@link #RSP_LEN_VALID} is set (4 or 8 bytes), the
 * sense data exactly when {@link #SNS_LEN_VALID} is set, and the bidirectional read residual is
 * carried (after the sense data) exactly when {@link #BIDI_RSP} is set. Residuals are unsigned
 * 32-bit values.
 */
public record FcpRsp(int retryDelayTimer, int flags, int scsiStatus, long residual, byte[] responseInfo,
                     byte[] senseData, long bidirectionalReadResidual) implements FcpIu {

    /** Length of the IU without response information, sense data and bidirectional residual. */
    public static final int MIN_LENGTH = 24;

    public static final int RSP_LEN_VALID = 0x01;
    public static final int SNS_LEN_VALID = 0x02;
    public static final int RESID_OVER = 0x04;
    public static final int RESID_UNDER = 0x08;
    public static final int CONF_REQ = 0x10;
    public static final int BIDI_READ_RESID_OVER = 0x20;
    public static final int BIDI_READ_RESID_UNDER = 0x40;
    public static final int BIDI_RSP = 0x80;

    private static final String IU = "FCP_RSP";
    private static final byte[] NONE = new byte[0];

    public FcpRsp {
        Fields.check(IU, "retry delay timer", retryDelayTimer, 0xFFFF);
        Fields.check(IU, "SCSI status", scsiStatus, 0xFF);
        Fields.check(IU, "FCP_RESID", residual, Fields.U32_MAX);
        Fields.check(IU, "bidirectional read residual", bidirectionalReadResidual, Fields.U32_MAX);
        Fields.required(IU, "response info", responseInfo);
        Fields.required(IU, "sense data", senseData);
        checkFlags(flags);
        if ((flags & RSP_LEN_VALID) != 0 ? responseInfo.length != 4 && responseInfo.length != 8 : responseInfo.length != 0) {
            throw FcFormatException.of(IU + " response info", Hex.encode(responseInfo, 0, responseInfo.length),
                    (flags & RSP_LEN_VALID) != 0 ? "must be 4 or 8 bytes" : "present but FCP_RSP_LEN_VALID is clear");
        }
        if ((flags & SNS_LEN_VALID) == 0 && senseData.length != 0) {
            throw FcFormatException.of(IU + " sense data", Hex.encode(senseData, 0, senseData.length),
                    "present but FCP_SNS_LEN_VALID is clear");
        }
        if ((flags & BIDI_RSP) == 0 && bidirectionalReadResidual != 0) {
            throw FcFormatException.of(IU + " bidirectional read residual", bidirectionalReadResidual,
                    "present but FCP_BIDI_RSP is clear");
        }
        long length = MIN_LENGTH + responseInfo.length + (long) senseData.length + ((flags & BIDI_RSP) != 0 ? 4 : 0);
        if (length > FrameView.MAX_DATA_FIELD) {
            throw FcFormatException.of(IU, length + " bytes", "exceeds the " + FrameView.MAX_DATA_FIELD + "-byte data field");
        }
        responseInfo = responseInfo.clone();
        senseData = senseData.clone();
    }

    private static void checkFlags(int flags) {
        if (flags < 0 || flags > 0xFF) {
            throw FcFormatException.of(IU + " flags", flags, "must be 0..255");
        }
        String problem = null;
        if ((flags & (RESID_OVER | RESID_UNDER)) == (RESID_OVER | RESID_UNDER)) {
            problem = "FCP_RESID_OVER and FCP_RESID_UNDER are both set";
        } else if ((flags & (BIDI_READ_RESID_OVER | BIDI_READ_RESID_UNDER)) == (BIDI_READ_RESID_OVER | BIDI_READ_RESID_UNDER)) {
            problem = "FCP_BIDI_READ_RESID_OVER and FCP_BIDI_READ_RESID_UNDER are both set";
        } else if ((flags & (BIDI_READ_RESID_OVER | BIDI_READ_RESID_UNDER)) != 0 && (flags & BIDI_RSP) == 0) {
            problem = "a bidirectional read residual flag is set without FCP_BIDI_RSP";
        }
        if (problem != null) {
            throw FcFormatException.of(IU + " flags", String.format("0x%02x", flags), problem);
        }
    }

    /** A GOOD status with nothing else to report. */
    public static FcpRsp good() {
        return new FcpRsp(0, 0, ScsiStatus.GOOD, 0, NONE, NONE, 0);
    }

    /** CHECK CONDITION with the given sense data (fixed or descriptor format, as the target sent it). */
    public static FcpRsp checkCondition(byte[] senseData) {
        return new FcpRsp(0, SNS_LEN_VALID, ScsiStatus.CHECK_CONDITION, 0, NONE, senseData, 0);
    }

    /**
     * Decodes an FCP_RSP IU whose length must be exactly what its length fields declare. A length
     * field whose valid bit is clear is ignored, as FCP-4 requires.
     */
    public static FcpRsp decode(byte[] buf, int off, int len) {
        Be.checkBounds(buf, off, len);
        if (len < MIN_LENGTH) {
            throw FcFormatException.of(IU, Hex.encode(buf, off, len), len + " bytes, an FCP_RSP IU has at least " + MIN_LENGTH);
        }
        if (!Be.allZero(buf, off, 8)) {
            throw FcFormatException.of(IU, Hex.encode(buf, off, len), "reserved bytes 0..7 are not zero");
        }
        int flags = Be.u8(buf, off + 10);
        checkFlags(flags);
        long snsLen = (flags & SNS_LEN_VALID) != 0 ? Be.u32(buf, off + 16) : 0;
        long rspLen = (flags & RSP_LEN_VALID) != 0 ? Be.u32(buf, off + 20) : 0;
        if ((flags & RSP_LEN_VALID) != 0 && rspLen != 4 && rspLen != 8) {
            throw FcFormatException.of(IU, Hex.encode(buf, off, len), "FCP_RSP_LEN " + rspLen + " must be 4 or 8");
        }
        int bidi = (flags & BIDI_RSP) != 0 ? 4 : 0;
        long declared = MIN_LENGTH + rspLen + snsLen + bidi;
        if (len != declared) {
            throw FcFormatException.of(IU, Hex.encode(buf, off, len), len + " bytes, " + (len < declared ? "shorter" : "longer")
                    + " than the " + declared + " declared by FCP_RSP_LEN " + rspLen + " and FCP_SNS_LEN " + snsLen
                    + (bidi != 0 ? " and FCP_BIDI_RSP" : ""));
        }
        int rspOff = off + MIN_LENGTH;
        int snsOff = rspOff + (int) rspLen;
        int end = snsOff + (int) snsLen;
        return new FcpRsp(Be.u16(buf, off + 8), flags, Be.u8(buf, off + 11), Be.u32(buf, off + 12),
                Arrays.copyOfRange(buf, rspOff, snsOff), Arrays.copyOfRange(buf, snsOff, end),
                bidi != 0 ? Be.u32(buf, end) : 0);
    }

    @Override
    public byte[] responseInfo() {
        return responseInfo.clone();
    }

    @Override
    public byte[] senseData() {
        return senseData.clone();
    }

    public boolean hasFlag(int flag) {
        return (flags & flag) != 0;
    }

    /** RSP_CODE (byte 3 of the response information), or -1 when there is none. */
    public int rspCode() {
        return responseInfo.length == 0 ? -1 : responseInfo[3] & 0xFF;
    }

    public int length() {
        return MIN_LENGTH + responseInfo.length + senseData.length + (hasFlag(BIDI_RSP) ? 4 : 0);
    }

    @Override
    public int rCtl() {
        return RCtl.FCP_RSP;
    }

    @Override
    public byte[] encode() {
        byte[] b = new byte[length()];
        Be.put16(b, 8, retryDelayTimer);
        b[10] = (byte) flags;
        b[11] = (byte) scsiStatus;
        Be.put32(b, 12, residual);
        Be.put32(b, 16, senseData.length);
        Be.put32(b, 20, responseInfo.length);
        System.arraycopy(responseInfo, 0, b, MIN_LENGTH, responseInfo.length);
        System.arraycopy(senseData, 0, b, MIN_LENGTH + responseInfo.length, senseData.length);
        if (hasFlag(BIDI_RSP)) {
            Be.put32(b, b.length - 4, bidirectionalReadResidual);
        }
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FcpRsp r && r.retryDelayTimer == retryDelayTimer && r.flags == flags
                && r.scsiStatus == scsiStatus && r.residual == residual && Arrays.equals(r.responseInfo, responseInfo)
                && Arrays.equals(r.senseData, senseData) && r.bidirectionalReadResidual == bidirectionalReadResidual;
    }

    @Override
    public int hashCode() {
        return (flags * 31 + scsiStatus) * 31 + Long.hashCode(residual) + Arrays.hashCode(senseData) * 17
                + Arrays.hashCode(responseInfo);
    }

    @Override
    public String toString() {
        return "FcpRsp[status=" + ScsiStatus.name(scsiStatus) + String.format(", flags=0x%02x", flags)
                + ", residual=" + residual + ", retryDelayTimer=" + retryDelayTimer
                + (responseInfo.length > 0 ? ", rspCode=" + rspCode() : "")
                + (senseData.length > 0 ? ", sense=" + Hex.encode(senseData, 0, senseData.length) : "")
                + (hasFlag(BIDI_RSP) ? ", bidiReadResidual=" + bidirectionalReadResidual : "") + "]";
    }
}
