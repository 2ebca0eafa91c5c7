package org.fcredirect.fc.capture;

import java.util.Objects;

import org.fcredirect.fc.FrameView;

/**
 * LINKTYPE_ETHERNET (1) carrying FCoE, with or without an 802.1Q tag. Frames are encoded between
 * the fabric-provided MAC addresses of the frame's D_ID and S_ID.
 */
final class EthernetFcoeDecoder implements LinkTypeDecoder {
    private static final String WHAT = "fcoe packet";
    private static final int MAC_HEADER = 14;

    @Override
    public int linkType() {
        return LinkTypes.ETHERNET;
    }

    @Override
    public String name() {
        return "fcoe";
    }

    @Override
    public LinkFrame decode(byte[] packet, int off, int len) {
        Objects.checkFromIndexSize(off, len, packet.length);
        if (len < MAC_HEADER) {
            throw Frames.malformed(WHAT, packet, off, len, "truncated: " + len + " bytes, the Ethernet header alone needs " + MAC_HEADER);
        }
        return Fcoe.decodePayload(LinkTypes.ETHERNET, WHAT, Frames.u16(packet, off + 12), packet, off + MAC_HEADER, len - MAC_HEADER);
    }

    @Override
    public byte[] encode(byte[] frame, int off, int len, LinkOptions options) {
        Frames.checkFrameToEncode(frame, off, len);
        byte[] out = new byte[MAC_HEADER + Fcoe.payloadLength(len, options)];
        FrameView header = new FrameView().wrap(frame, off, len);
        Fcoe.putFpma(out, 0, header.dId());
        Fcoe.putFpma(out, 6, header.sId());
        Frames.put16(out, 12, Fcoe.ethertype(options));
        Fcoe.encodePayload(frame, off, len, options, out, MAC_HEADER);
        return out;
    }
}
