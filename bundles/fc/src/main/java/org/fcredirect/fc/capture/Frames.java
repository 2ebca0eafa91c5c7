package org.fcredirect.fc.capture;

import java.util.Objects;

import org.fcredirect.fc.FcFormatException;
import org.fcredirect.fc.FrameView;
import org.fcredirect.fc.Hex;

/** Checks and byte access shared by the built-in link types. */
final class Frames {
    private Frames() {
    }

    /** A packet error: names the link layer, shows the packet, says what is wrong. */
    static FcFormatException malformed(String what, byte[] packet, int off, int len, String problem) {
        return FcFormatException.of(what, Hex.encode(packet, off, len), problem);
    }

    /** The frame inside a packet must hold a header and be whole words no longer than FC-FS allows. */
    static void checkFrameLength(String what, byte[] packet, int off, int len, int frameLength) {
        String problem = frameProblem(frameLength);
        if (problem != null) {
            throw malformed(what, packet, off, len, problem);
        }
    }

    /** Same checks for a frame given to an encoder. */
    static void checkFrameToEncode(byte[] frame, int off, int len) {
        Objects.checkFromIndexSize(off, len, frame.length);
        String problem = frameProblem(len);
        if (problem != null) {
            throw FcFormatException.of("FC frame", Hex.encode(frame, off, len), problem);
        }
    }

    /** Same checks for a frame length alone. */
    static void checkFrameLength(int frameLength) {
        String problem = frameProblem(frameLength);
        if (problem != null) {
            throw FcFormatException.of("FC frame", frameLength + " bytes", problem);
        }
    }

    private static String frameProblem(int frameLength) {
        if (frameLength < FrameView.HEADER_LENGTH) {
            return "truncated: the FC frame has " + Math.max(frameLength, 0) + " bytes, the header alone needs "
                    + FrameView.HEADER_LENGTH;
        }
        if (frameLength > FrameView.MAX_FRAME_LENGTH) {
            return "FC frame of " + frameLength + " bytes exceeds the maximum " + FrameView.MAX_FRAME_LENGTH;
        }
        if (frameLength % 4 != 0) {
            return "FC frame of " + frameLength + " bytes is not a whole number of 4-byte words";
        }
        return null;
    }

    /** For encoders of link types that cannot carry a VLAN tag. */
    static void rejectVlan(LinkTypeDecoder d, LinkOptions options) {
        if (options.hasVlan()) {
            throw FcFormatException.of("link options", "VLAN " + options.vlanId(),
                    "link type " + d.name() + " cannot carry a VLAN tag");
        }
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) << 8 | b[off + 1] & 0xFF;
    }

    static int u32(byte[] b, int off) {
        return u16(b, off) << 16 | u16(b, off + 2);
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    static void put32(byte[] b, int off, int v) {
        put16(b, off, v >>> 16);
        put16(b, off + 2, v);
    }
}
