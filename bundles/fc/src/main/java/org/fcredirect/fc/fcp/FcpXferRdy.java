package org.fcredirect.fc.fcp;

import org.fcredirect.fc.FcFormatException;
import org.fcredirect.fc.Hex;
import org.fcredirect.fc.RCtl;

/**
 * FCP_XFER_RDY: the target asks for the next burst of write data, {@code burstLength} bytes from
 * {@code relativeOffset}. Both are unsigned 32-bit values.
 */
public record FcpXferRdy(long relativeOffset, long burstLength) implements FcpIu {
    public static final int LENGTH = 12;
    private static final String IU = "FCP_XFER_RDY";

    public FcpXferRdy {
        Fields.check(IU, "FCP_DATA_RO", relativeOffset, Fields.U32_MAX);
        Fields.check(IU, "FCP_BURST_LEN", burstLength, Fields.U32_MAX);
    }

    /** @throws FcFormatException unless the IU is exactly 12 bytes with zero reserved bytes */
    public static FcpXferRdy decode(byte[] buf, int off, int len) {
        Be.checkBounds(buf, off, len);
        if (len != LENGTH) {
            throw FcFormatException.of(IU, Hex.encode(buf, off, len), len + " bytes, expected " + LENGTH);
        }
        if (!Be.allZero(buf, off + 8, 4)) {
            throw FcFormatException.of(IU, Hex.encode(buf, off, len), "reserved bytes 8..11 are not zero");
        }
        return new FcpXferRdy(Be.u32(buf, off), Be.u32(buf, off + 4));
    }

    @Override
    public int rCtl() {
        return RCtl.FCP_XFER_RDY;
    }

    @Override
    public byte[] encode() {
        byte[] b = new byte[LENGTH];
        Be.put32(b, 0, relativeOffset);
        Be.put32(b, 4, burstLength);
        return b;
    }
}
