package org.fcredirect.fc.fcp;

import java.util.Arrays;

import org.fcredirect.fc.FcFormatException;
import org.fcredirect.fc.FrameView;
import org.fcredirect.fc.Hex;
import org.fcredirect.fc.RCtl;

/**
 * The data of one FCP_DATA frame: {@code data} placed at {@code relativeOffset} (the frame's
 * PARAMETER field, unsigned) of the command's data buffer.
 */
public record FcpData(long relativeOffset, byte[] data) implements FcpIu {
    private static final String IU = "FCP_DATA";

    public FcpData {
        Fields.check(IU, "relative offset", relativeOffset, Fields.U32_MAX);
        Fields.required(IU, "data", data);
        if (data.length > FrameView.MAX_DATA_FIELD) {
            throw FcFormatException.of(IU + " data", data.length + " bytes",
                    "exceed the " + FrameView.MAX_DATA_FIELD + "-byte data field of one frame");
        }
        data = data.clone();
    }

    /** @param parameter the frame's PARAMETER field: the relative offset */
    public static FcpData decode(int parameter, byte[] buf, int off, int len) {
        Be.checkBounds(buf, off, len);
        if (len > FrameView.MAX_DATA_FIELD) {
            throw FcFormatException.of(IU, Hex.encode(buf, off, len),
                    len + " bytes exceed the " + FrameView.MAX_DATA_FIELD + "-byte data field of one frame");
        }
        return new FcpData(Integer.toUnsignedLong(parameter), Arrays.copyOfRange(buf, off, off + len));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    @Override
    public int rCtl() {
        return RCtl.FCP_DATA;
    }

    @Override
    public int parameter() {
        return (int) relativeOffset;
    }

    @Override
    public byte[] encode() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FcpData d && d.relativeOffset == relativeOffset && Arrays.equals(d.data, data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(relativeOffset) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "FcpData[relativeOffset=" + relativeOffset + ", length=" + data.length + "]";
    }
}
