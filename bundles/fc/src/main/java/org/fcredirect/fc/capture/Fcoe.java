package org.fcredirect.fc.capture;

import java.util.Arrays;
import java.util.Objects;

import org.fcredirect.fc.FcCrc;
import org.fcredirect.fc.FcFormatException;
import org.fcredirect.fc.FrameView;

/**
 * The FCoE encapsulation (FC-BB-6) that follows an ethertype or Linux cooked protocol field, for
 * the link types that carry FCoE: an optional 802.1Q tag remainder (TCI and inner ethertype), the
 * 14-byte FCoE header (version 0 in the top nibble, reserved bytes, SOF code), the FC frame, its
 * CRC least significant byte first, and the EOF code with three reserved bytes. Reserved bytes
 * must be zero.
 *
 * <p>An FCoE Ethernet frame is never shorter than the 60-byte Ethernet minimum (14 + 14 + 24 + 8),
 * so it never carries padding, and a decoder treats extra bytes as a malformed frame.
 */
public final class Fcoe {
    public static final int ETHERTYPE_FCOE = 0x8906;
    public static final int ETHERTYPE_VLAN = 0x8100;
    public static final int HEADER_LENGTH = 14;
    public static final int TRAILER_LENGTH = 8;
    /** FC-MAP of fabric-provided MAC addresses: the upper 24 bits, the FCID is the lower 24. */
    public static final int DEFAULT_FC_MAP = 0x0EFC00;
    /** FCoE travels in the lossless traffic class, priority 3 by convention. */
    public static final int VLAN_PRIORITY = 3;

    private static final int VLAN_TAG_REST = 4;

    private Fcoe() {
    }

    /** The ethertype to write before {@link #encodePayload}'s bytes: 802.1Q when the options ask for a VLAN. */
    public static int ethertype(LinkOptions options) {
        return options.hasVlan() ? ETHERTYPE_VLAN : ETHERTYPE_FCOE;
    }

    /**
     * Bytes {@link #encodePayload} writes for a frame of {@code frameLength} bytes.
     *
     * @throws FcFormatException when no valid frame has that length
     */
    public static int payloadLength(int frameLength, LinkOptions options) {
        Frames.checkFrameLength(frameLength);
        return (options.hasVlan() ? VLAN_TAG_REST : 0) + HEADER_LENGTH + frameLength + TRAILER_LENGTH;
    }

    /**
     * Writes what follows the ethertype: the VLAN tag remainder if the options ask for one, the FCoE
     * header, the frame, its CRC and the EOF trailer.
     *
     * @return the number of bytes written, {@link #payloadLength}
     */
    public static int encodePayload(byte[] frame, int off, int len, LinkOptions options, byte[] out, int outOff) {
        Frames.checkFrameToEncode(frame, off, len);
        Objects.checkFromIndexSize(outOff, payloadLength(len, options), out.length);
        int p = outOff;
        if (options.hasVlan()) {
            Frames.put16(out, p, VLAN_PRIORITY << 13 | options.vlanId());
            Frames.put16(out, p + 2, ETHERTYPE_FCOE);
            p += VLAN_TAG_REST;
        }
        Arrays.fill(out, p, p + HEADER_LENGTH - 1, (byte) 0);
        out[p + HEADER_LENGTH - 1] = (byte) options.sof().fcoeCode();
        p += HEADER_LENGTH;
        System.arraycopy(frame, off, out, p, len);
        p += len;
        FcCrc.put(out, p, FcCrc.compute(frame, off, len));
        out[p + 4] = (byte) options.eof().fcoeCode();
        Arrays.fill(out, p + 5, p + TRAILER_LENGTH, (byte) 0);
        return p + TRAILER_LENGTH - outOff;
    }

    /**
     * Decodes the bytes after an ethertype field: {@code ethertype} must be FCoE, or 802.1Q with
     * FCoE inside.
     *
     * @param linkType the link type to report in the result
     * @param what     names the packet in error messages, e.g. "fcoe packet"
     */
    public static LinkFrame decodePayload(int linkType, String what, int ethertype, byte[] packet, int off, int len) {
        Objects.checkFromIndexSize(off, len, packet.length);
        int vlanId = LinkOptions.NO_VLAN;
        int p = off;
        int inner = ethertype;
        if (ethertype == ETHERTYPE_VLAN) {
            if (len < VLAN_TAG_REST) {
                throw Frames.malformed(what, packet, off, len, "truncated inside the 802.1Q tag");
            }
            vlanId = Frames.u16(packet, p) & 0xFFF;
            inner = Frames.u16(packet, p + 2);
            p += VLAN_TAG_REST;
        }
        if (inner != ETHERTYPE_FCOE) {
            throw Frames.malformed(what, packet, off, len,
                    String.format("ethertype 0x%04x is not FCoE (0x%04x)", inner, ETHERTYPE_FCOE));
        }
        int rest = off + len - p;
        if (rest < HEADER_LENGTH + FrameView.HEADER_LENGTH + TRAILER_LENGTH) {
            throw Frames.malformed(what, packet, off, len, "truncated: " + rest + " bytes after the ethertype, the FCoE header, an FC header and the trailer need "
                    + (HEADER_LENGTH + FrameView.HEADER_LENGTH + TRAILER_LENGTH));
        }
        int version = (packet[p] & 0xFF) >>> 4;
        if (version != 0) {
            throw Frames.malformed(what, packet, off, len, "FCoE version " + version + ", only version 0 is defined");
        }
        if ((packet[p] & 0x0F) != 0 || !zero(packet, p + 1, HEADER_LENGTH - 2)) {
            throw Frames.malformed(what, packet, off, len, "reserved bytes of the FCoE header are not zero");
        }
        Sof sof = Sof.ofFcoeCode(packet[p + HEADER_LENGTH - 1] & 0xFF);
        int frameOff = p + HEADER_LENGTH;
        int frameLength = rest - HEADER_LENGTH - TRAILER_LENGTH;
        Frames.checkFrameLength(what, packet, off, len, frameLength);
        int crcOff = frameOff + frameLength;
        Eof eof = Eof.ofFcoeCode(packet[crcOff + 4] & 0xFF);
        if (!zero(packet, crcOff + 5, 3)) {
            throw Frames.malformed(what, packet, off, len, "reserved bytes after the FCoE EOF are not zero");
        }
        int stored = FcCrc.get(packet, crcOff);
        int computed = FcCrc.compute(packet, frameOff, frameLength);
        return new LinkFrame(linkType, frameOff, frameLength, sof, eof,
                stored == computed ? CrcStatus.GOOD : CrcStatus.BAD, stored, computed, vlanId);
    }

    /** Writes the fabric-provided MAC address of {@code fcid} (FC-MAP 0E-FC-00, then the FCID). */
    public static void putFpma(byte[] out, int off, int fcid) {
        out[off] = (byte) (DEFAULT_FC_MAP >>> 16);
        out[off + 1] = (byte) (DEFAULT_FC_MAP >>> 8);
        out[off + 2] = (byte) DEFAULT_FC_MAP;
        out[off + 3] = (byte) (fcid >>> 16);
        out[off + 4] = (byte) (fcid >>> 8);
        out[off + 5] = (byte) fcid;
    }

    private static boolean zero(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
