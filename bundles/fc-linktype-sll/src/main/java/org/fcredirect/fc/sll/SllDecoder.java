package org.fcredirect.fc.sll;

import java.util.Objects;

import org.fcredirect.fc.FcFormatException;
import org.fcredirect.fc.FrameView;
import org.fcredirect.fc.capture.Fcoe;
import org.fcredirect.fc.capture.LinkFrame;
import org.fcredirect.fc.capture.LinkOptions;
import org.fcredirect.fc.capture.LinkTypeDecoder;
import org.fcredirect.fc.capture.LinkTypes;

import aQute.bnd.annotation.spi.ServiceProvider;

/**
 * LINKTYPE_LINUX_SLL (113): a 16-byte cooked header (packet type, ARPHRD type, address length, 8
 * address bytes, protocol) before the FCoE encapsulation. Encoded packets are "sent by us"
 * (packet type 4) from the fabric-provided MAC of the frame's S_ID.
 */
@ServiceProvider(LinkTypeDecoder.class)
public final class SllDecoder implements LinkTypeDecoder {
    static final int HEADER_LENGTH = 16;
    static final int PACKET_OUTGOING = 4;
    static final int ARPHRD_ETHER = 1;
    private static final String WHAT = "sll packet";

    @Override
    public int linkType() {
        return LinkTypes.LINUX_SLL;
    }

    @Override
    public String name() {
        return "sll";
    }

    @Override
    public LinkFrame decode(byte[] packet, int off, int len) {
        Objects.checkFromIndexSize(off, len, packet.length);
        if (len < HEADER_LENGTH) {
            throw FcFormatException.of(WHAT, len + " bytes", "truncated: the cooked header alone needs " + HEADER_LENGTH);
        }
        int protocol = Cooked.u16(packet, off + 14);
        return Fcoe.decodePayload(LinkTypes.LINUX_SLL, WHAT, protocol, packet, off + HEADER_LENGTH, len - HEADER_LENGTH);
    }

    @Override
    public byte[] encode(byte[] frame, int off, int len, LinkOptions options) {
        byte[] out = new byte[HEADER_LENGTH + Fcoe.payloadLength(len, options)];
        Fcoe.encodePayload(frame, off, len, options, out, HEADER_LENGTH);
        Cooked.put16(out, 0, PACKET_OUTGOING);
        Cooked.put16(out, 2, ARPHRD_ETHER);
        Cooked.put16(out, 4, 6);
        Fcoe.putFpma(out, 6, new FrameView().wrap(frame, off, len).sId());
        Cooked.put16(out, 14, Fcoe.ethertype(options));
        return out;
    }
}
