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
 * LINKTYPE_LINUX_SLL2 (276): a 20-byte cooked header (protocol, reserved, interface index, ARPHRD
 * type, packet type, address length, 8 address bytes) before the FCoE encapsulation. The reserved
 * field must be zero. Encoded packets are "sent by us" on interface index 1.
 */
@ServiceProvider(LinkTypeDecoder.class)
public final class Sll2Decoder implements LinkTypeDecoder {
    static final int HEADER_LENGTH = 20;
    static final int INTERFACE_INDEX = 1;
    private static final String WHAT = "sll2 packet";

    @Override
    public int linkType() {
        return LinkTypes.LINUX_SLL2;
    }

    @Override
    public String name() {
        return "sll2";
    }

    @Override
    public LinkFrame decode(byte[] packet, int off, int len) {
        Objects.checkFromIndexSize(off, len, packet.length);
        if (len < HEADER_LENGTH) {
            throw FcFormatException.of(WHAT, len + " bytes", "truncated: the cooked header alone needs " + HEADER_LENGTH);
        }
        int reserved = Cooked.u16(packet, off + 2);
        if (reserved != 0) {
            throw FcFormatException.of(WHAT, String.format("reserved field 0x%04x", reserved), "must be zero");
        }
        int protocol = Cooked.u16(packet, off);
        return Fcoe.decodePayload(LinkTypes.LINUX_SLL2, WHAT, protocol, packet, off + HEADER_LENGTH, len - HEADER_LENGTH);
    }

    @Override
    public byte[] encode(byte[] frame, int off, int len, LinkOptions options) {
        byte[] out = new byte[HEADER_LENGTH + Fcoe.payloadLength(len, options)];
        Fcoe.encodePayload(frame, off, len, options, out, HEADER_LENGTH);
        Cooked.put16(out, 0, Fcoe.ethertype(options));
        Cooked.put16(out, 6, INTERFACE_INDEX);
        Cooked.put16(out, 8, SllDecoder.ARPHRD_ETHER);
        out[10] = (byte) SllDecoder.PACKET_OUTGOING;
        out[11] = 6;
        Fcoe.putFpma(out, 12, new FrameView().wrap(frame, off, len).sId());
        return out;
    }
}
