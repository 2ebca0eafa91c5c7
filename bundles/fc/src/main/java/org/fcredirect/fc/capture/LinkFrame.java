package org.fcredirect.fc.capture;

import java.util.Arrays;

import org.fcredirect.fc.FcFormatException;
import org.fcredirect.fc.FrameHeader;

/**
 * Where the FC frame (24-byte header and data field, without delimiters or CRC) lies inside a
 * captured packet, and what the link layer said about it. {@code frameOffset} is an index into
 * the array that was decoded. {@code sof} and {@code eof} are null when the link type carries no
 * delimiters; {@code crc} and {@code computedCrc} are 0 when it carries no CRC; {@code vlanId} is
 * {@link LinkOptions#NO_VLAN} unless an 802.1Q tag was present.
 *
 * <p>A bad CRC does not stop decoding, so a damaged frame can still be shown; call
 * {@link #requireGoodCrc()} (or {@link LinkTypeDecoder#decodeStrict}) to reject it.
 */
public record LinkFrame(int linkType, int frameOffset, int frameLength, Sof sof, Eof eof,
                        CrcStatus crcStatus, int crc, int computedCrc, int vlanId) {

    public LinkFrame {
        if (frameOffset < 0 || frameLength < 0 || crcStatus == null) {
            throw new IllegalArgumentException("link frame: offset " + frameOffset + ", length " + frameLength
                    + ", CRC status " + crcStatus);
        }
    }

    /** A frame from a link type without delimiters and CRC. */
    public static LinkFrame bare(int linkType, int frameOffset, int frameLength) {
        return new LinkFrame(linkType, frameOffset, frameLength, null, null, CrcStatus.ABSENT, 0, 0, LinkOptions.NO_VLAN);
    }

    /** This frame, unless its CRC was present and wrong. */
    public LinkFrame requireGoodCrc() {
        if (crcStatus == CrcStatus.BAD) {
            throw FcFormatException.of("frame CRC", String.format("0x%08x", crc),
                    String.format("does not match the computed 0x%08x", computedCrc));
        }
        return this;
    }

    public boolean hasVlan() {
        return vlanId != LinkOptions.NO_VLAN;
    }

    /** The frame header, from the packet this frame was decoded from. */
    public FrameHeader header(byte[] packet) {
        return FrameHeader.decode(packet, frameOffset, frameLength);
    }

    /** A copy of the frame bytes (header and data field). */
    public byte[] frame(byte[] packet) {
        return Arrays.copyOfRange(packet, frameOffset, frameOffset + frameLength);
    }
}
