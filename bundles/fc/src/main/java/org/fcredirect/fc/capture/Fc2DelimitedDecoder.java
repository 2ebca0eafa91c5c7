package org.fcredirect.fc.capture;

import java.util.Objects;

import org.fcredirect.fc.FcCrc;

/**
 * LINKTYPE_FC_2_WITH_FRAME_DELIMS (225): SOF ordered set, frame, CRC, EOF ordered set. The
 * ordered sets are stored as their four bytes in transmission order (0xBC first), the CRC least
 * significant byte first, which is what Wireshark's "fcsof" dissector checks.
 */
final class Fc2DelimitedDecoder implements LinkTypeDecoder {
    private static final String WHAT = "fc2-delim packet";
    private static final int DELIMITER = 4;
    private static final int OVERHEAD = 3 * DELIMITER;

    @Override
    public int linkType() {
        return LinkTypes.FC_2_WITH_FRAME_DELIMS;
    }

    @Override
    public String name() {
        return "fc2-delim";
    }

    @Override
    public LinkFrame decode(byte[] packet, int off, int len) {
        Objects.checkFromIndexSize(off, len, packet.length);
        if (len < OVERHEAD) {
            throw Frames.malformed(WHAT, packet, off, len, "truncated: " + len + " bytes, SOF, CRC and EOF alone need " + OVERHEAD);
        }
        int frameLength = len - OVERHEAD;
        Frames.checkFrameLength(WHAT, packet, off, len, frameLength);
        Sof sof = Sof.ofOrderedSet(Frames.u32(packet, off));
        int frameOff = off + DELIMITER;
        int crcOff = frameOff + frameLength;
        Eof eof = Eof.ofOrderedSet(Frames.u32(packet, crcOff + DELIMITER));
        int stored = FcCrc.get(packet, crcOff);
        int computed = FcCrc.compute(packet, frameOff, frameLength);
        return new LinkFrame(LinkTypes.FC_2_WITH_FRAME_DELIMS, frameOff, frameLength, sof, eof,
                stored == computed ? CrcStatus.GOOD : CrcStatus.BAD, stored, computed, LinkOptions.NO_VLAN);
    }

    /** Picks the EOF form a link would send after this frame, from the running disparity. */
    @Override
    public byte[] encode(byte[] frame, int off, int len, LinkOptions options) {
        Frames.checkFrameToEncode(frame, off, len);
        Frames.rejectVlan(this, options);
        byte[] out = new byte[len + OVERHEAD];
        Frames.put32(out, 0, options.sof().orderedSet());
        System.arraycopy(frame, off, out, DELIMITER, len);
        int crcOff = DELIMITER + len;
        FcCrc.put(out, crcOff, FcCrc.compute(frame, off, len));
        // Ordered sets start at negative disparity; K28.5 makes it positive and the SOF's data bytes flip it an even number of times.
        boolean negative = RunningDisparity.negativeAfter(false, out, DELIMITER, len + DELIMITER);
        Frames.put32(out, crcOff + DELIMITER, options.eof().orderedSet(negative));
        return out;
    }
}
