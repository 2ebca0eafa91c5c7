package org.fcredirect.fc.fcp;

import org.fcredirect.fc.FcFormatException;
import org.fcredirect.fc.FcType;
import org.fcredirect.fc.FrameView;
import org.fcredirect.fc.Hex;
import org.fcredirect.fc.RCtl;

/**
 * An FCP information unit: the payload of one FCP frame. Which IU a payload holds is told by the
 * frame's R_CTL, not by the payload itself, so decoding needs the header fields.
 */
public sealed interface FcpIu permits FcpCmnd, FcpXferRdy, FcpData, FcpRsp {

    /** The R_CTL of the frame that carries this IU. */
    int rCtl();

    /** The PARAMETER field of the frame that carries this IU: the relative offset for data, else 0. */
    default int parameter() {
        return 0;
    }

    /** The IU bytes, without fill bytes. */
    byte[] encode();

    /**
     * Decodes the IU of {@code len} bytes at {@code off}, choosing its kind by {@code rCtl}.
     *
     * @param parameter the frame's PARAMETER field, the relative offset of FCP_DATA
     * @throws FcFormatException when {@code rCtl} is not an FCP IU or the IU is malformed
     */
    static FcpIu decode(int rCtl, int parameter, byte[] buf, int off, int len) {
        switch (rCtl) {
            case RCtl.FCP_CMND:
                return FcpCmnd.decode(buf, off, len);
            case RCtl.FCP_XFER_RDY:
                return FcpXferRdy.decode(buf, off, len);
            case RCtl.FCP_DATA:
                return FcpData.decode(parameter, buf, off, len);
            case RCtl.FCP_RSP:
                return FcpRsp.decode(buf, off, len);
            default:
                throw FcFormatException.of("R_CTL", String.format("0x%02x", rCtl),
                        "is " + RCtl.name(rCtl) + ", not an FCP information unit"
                                + " (0x01 FCP_DATA, 0x05 XFER_RDY, 0x06 FCP_CMND, 0x07 FCP_RSP)");
        }
    }

    /**
     * Decodes the IU of a whole FC frame (24-byte header, data field) of TYPE FCP: skips the
     * optional headers DF_CTL announces and the fill bytes F_CTL announces.
     *
     * @throws FcFormatException when the frame is malformed, not FCP, or its IU is malformed
     */
    static FcpIu fromFrame(byte[] frame, int off, int len) {
        Be.checkBounds(frame, off, len);
        FrameView v = new FrameView().wrap(frame, off, len);
        int check = v.check();
        if (check != FrameView.OK) {
            throw FcFormatException.of("frame", Hex.encode(frame, off, len), FrameView.describeCheck(check));
        }
        if (v.type() != FcType.FCP) {
            throw FcFormatException.of("frame TYPE", String.format("0x%02x", v.type()),
                    "is " + FcType.name(v.type()) + ", not FCP (0x08)");
        }
        return decode(v.rCtl(), v.parameter(), frame, v.payloadOffset(), v.payloadLength() - v.fillBytes());
    }
}
