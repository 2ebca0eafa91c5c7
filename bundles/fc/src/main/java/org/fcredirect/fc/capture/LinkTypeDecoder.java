package org.fcredirect.fc.capture;

import org.fcredirect.fc.FcFormatException;

/**
 * Finds the FC frame inside a captured packet of one pcap link type, and wraps a frame into such a
 * packet. Implementations are stateless and thread-safe. Other bundles add link types by
 * registering an implementation as a {@link java.util.ServiceLoader} provider; {@link LinkTypes}
 * collects them.
 */
public interface LinkTypeDecoder {

    /** The pcap LINKTYPE_ number. */
    int linkType();

    /** A short lower-case name for command lines, e.g. "fcoe". */
    String name();

    /**
     * Decodes the packet of {@code len} bytes at {@code off}. Structural problems (truncation, a
     * wrong ethertype, an unknown delimiter, a frame length that is not a whole number of words)
     * throw; a CRC mismatch is reported in {@link LinkFrame#crcStatus()}.
     *
     * @throws FcFormatException naming the problem
     */
    LinkFrame decode(byte[] packet, int off, int len);

    /**
     * Wraps the FC frame (header and data field, a multiple of four bytes) into a packet, adding
     * what the link type carries: delimiters, CRC, encapsulation headers.
     *
     * @throws FcFormatException when the frame length is invalid or the options ask for something
     *                           the link type cannot carry (a VLAN tag without FCoE)
     */
    byte[] encode(byte[] frame, int off, int len, LinkOptions options);

    /** {@link #decode}, rejecting a bad CRC too. */
    default LinkFrame decodeStrict(byte[] packet, int off, int len) {
        return decode(packet, off, len).requireGoodCrc();
    }

    /** {@link #encode} with {@link LinkOptions#DEFAULT} (SOFi3, EOFt, no VLAN). */
    default byte[] encode(byte[] frame) {
        return encode(frame, 0, frame.length, LinkOptions.DEFAULT);
    }
}
