package org.fcredirect.fc.capture;

import java.util.Arrays;
import java.util.Objects;

/** LINKTYPE_FC_2 (224): the packet is the frame, header first, no delimiters, no CRC. */
final class Fc2Decoder implements LinkTypeDecoder {

    @Override
    public int linkType() {
        return LinkTypes.FC_2;
    }

    @Override
    public String name() {
        return "fc2";
    }

    @Override
    public LinkFrame decode(byte[] packet, int off, int len) {
        Objects.checkFromIndexSize(off, len, packet.length);
        Frames.checkFrameLength("fc2 packet", packet, off, len, len);
        return LinkFrame.bare(LinkTypes.FC_2, off, len);
    }

    /** The frame itself: this link type has no room for delimiters, so {@code options} only may not ask for a VLAN. */
    @Override
    public byte[] encode(byte[] frame, int off, int len, LinkOptions options) {
        Frames.checkFrameToEncode(frame, off, len);
        Frames.rejectVlan(this, options);
        return Arrays.copyOfRange(frame, off, off + len);
    }
}
