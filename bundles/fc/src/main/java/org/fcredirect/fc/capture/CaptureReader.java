package org.fcredirect.fc.capture;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.fcredirect.fc.FcFormatException;

/**
 * Reads the packets of a classic pcap file (either byte order, microsecond or nanosecond magic) or
 * a pcapng file (any number of sections in either byte order, interfaces with their own link type,
 * snapshot length and timestamp resolution; enhanced, simple and obsolete packet blocks; other
 * blocks skipped by their length).
 *
 * <p>Strict: a bad magic, a truncated header or record, a captured length above the snapshot length
 * or the {@link #MAX_RECORD_LENGTH} cap, or a pcapng block whose trailing length differs from its
 * leading one throws {@link FcFormatException} naming the file, the offset and the problem. No
 * length field makes it allocate more than the cap. Not thread-safe.
 */
public final class CaptureReader implements Closeable {
    /** Largest packet accepted, libpcap's maximum snapshot length. */
    public static final int MAX_RECORD_LENGTH = 256 * 1024;
    /** Largest pcapng interface description block, which is read whole for its options. */
    static final int MAX_INTERFACE_BLOCK = 64 * 1024;
    /** Most interfaces one pcapng section may describe; a capture of one switch has a few dozen ports. */
    static final int MAX_INTERFACES = 4096;

    private static final int PCAP_HEADER = 24;
    private static final int PCAP_RECORD_HEADER = 16;
    private static final int SHB = 0x0A0D0D0A;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int IDB = 1;
    private static final int OPB = 2;
    private static final int SPB = 3;
    private static final int EPB = 6;
    private static final int OPT_END = 0;
    private static final int IF_TSRESOL = 9;
    private static final int IF_TSOFFSET = 14;

    private final InputStream in;
    private final String source;
    private final CaptureFormat format;
    private final byte[] scratch = new byte[32];
    private long position;
    private ByteOrder order;

    private TimestampResolution pcapResolution;
    private long pcapSnaplen;
    private int pcapLinkType;

    private final List<Interface> interfaces = new ArrayList<>();

    /** A pcapng interface: its link type, snapshot length (0: none) and clock. */
    private record Interface(int linkType, long snaplen, boolean binaryResolution, int exponent, long offsetSeconds) {
    }

    /**
     * Reads the file header from {@code in}.
     *
     * @param source names the input in error messages, e.g. the file name
     */
    public CaptureReader(InputStream in, String source) throws IOException {
        this.in = in;
        this.source = source;
        if (!readStart(scratch, 4, "the file header")) {
            throw fail(0, "empty: no pcap or pcapng file header");
        }
        int magic = ByteBuffer.wrap(scratch).order(ByteOrder.BIG_ENDIAN).getInt(0);
        if (magic == SHB) {
            format = CaptureFormat.PCAPNG;
            readFully(scratch, 4, 4, "a section header block");
            readSectionHeader(0);
        } else {
            format = CaptureFormat.PCAP;
            readPcapHeader(magic);
        }
    }

    /** Opens a file; error messages name it by its file name. */
    public static CaptureReader open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            return new CaptureReader(in, String.valueOf(file.getFileName()));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    public CaptureFormat format() {
        return format;
    }

    /** The next packet, or null at the end of the file. */
    public CaptureRecord next() throws IOException {
        return format == CaptureFormat.PCAP ? nextPcap() : nextPcapng();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    // classic pcap

    private void readPcapHeader(int bigEndianMagic) throws IOException {
        int littleEndianMagic = Integer.reverseBytes(bigEndianMagic);
        pcapResolution = null;
        for (TimestampResolution r : TimestampResolution.values()) {
            if (r.magic() == bigEndianMagic) {
                pcapResolution = r;
                order = ByteOrder.BIG_ENDIAN;
            } else if (r.magic() == littleEndianMagic) {
                pcapResolution = r;
                order = ByteOrder.LITTLE_ENDIAN;
            }
        }
        if (pcapResolution == null) {
            throw fail(0, String.format("bad magic 0x%08x: neither pcap (a1b2c3d4, a1b23c4d) nor pcapng (0a0d0d0a)", bigEndianMagic));
        }
        readFully(scratch, 4, PCAP_HEADER - 4, "the pcap file header");
        ByteBuffer h = ByteBuffer.wrap(scratch).order(order);
        int major = h.getShort(4) & 0xFFFF;
        int minor = h.getShort(6) & 0xFFFF;
        if (major != 2) {
            throw fail(4, "pcap version " + major + "." + minor + ", only 2.x is defined");
        }
        pcapSnaplen = Integer.toUnsignedLong(h.getInt(16));
        int linkTypeField = h.getInt(20);
        if ((linkTypeField & 0x03FF_0000) != 0) {
            throw fail(20, String.format("link type field 0x%08x has reserved bits 16-25 set", linkTypeField));
        }
        pcapLinkType = linkTypeField & 0xFFFF;
    }

    private CaptureRecord nextPcap() throws IOException {
        long start = position;
        if (!readStart(scratch, PCAP_RECORD_HEADER, "a record header")) {
            return null;
        }
        ByteBuffer h = ByteBuffer.wrap(scratch).order(order);
        long seconds = Integer.toUnsignedLong(h.getInt(0));
        long fraction = Integer.toUnsignedLong(h.getInt(4));
        long caplen = Integer.toUnsignedLong(h.getInt(8));
        long origlen = Integer.toUnsignedLong(h.getInt(12));
        if (fraction >= pcapResolution.unitsPerSecond()) {
            throw fail(start + 4, "timestamp fraction " + fraction + " is not below " + pcapResolution.unitsPerSecond());
        }
        checkCaptured(start + 8, caplen, origlen, pcapSnaplen);
        byte[] data = new byte[(int) caplen];
        readFully(data, 0, data.length, "the packet data of the record at offset " + start);
        return CaptureRecord.owning(Instant.ofEpochSecond(seconds, fraction * pcapResolution.nanosPerUnit()),
                pcapLinkType, 0, (int) origlen, data);
    }

    private void checkCaptured(long at, long caplen, long origlen, long snaplen) {
        if (snaplen != 0 && caplen > snaplen) {
            throw fail(at, "captured length " + caplen + " exceeds the snapshot length " + snaplen);
        }
        if (caplen > MAX_RECORD_LENGTH) {
            throw fail(at, "captured length " + caplen + " exceeds the " + MAX_RECORD_LENGTH + "-byte limit");
        }
        if (origlen < caplen) {
            throw fail(at, "original length " + origlen + " is below the captured length " + caplen);
        }
        if (origlen > Integer.MAX_VALUE) {
            throw fail(at, "original length " + origlen + " is absurd");
        }
    }

    // pcapng

    /**
     * Reads the section header block at {@code start} whose type and length are in scratch[0..8):
     * the length can only be read once the byte-order magic after it is known.
     */
    private void readSectionHeader(long start) throws IOException {
        readFully(scratch, 8, 4, "a section header block");
        int magic = ByteBuffer.wrap(scratch).order(ByteOrder.BIG_ENDIAN).getInt(8);
        if (magic == BYTE_ORDER_MAGIC) {
            order = ByteOrder.BIG_ENDIAN;
        } else if (Integer.reverseBytes(magic) == BYTE_ORDER_MAGIC) {
            order = ByteOrder.LITTLE_ENDIAN;
        } else {
            throw fail(start + 8, String.format("section header byte-order magic 0x%08x is not 1a2b3c4d in either order", magic));
        }
        long total = blockLength(start, ByteBuffer.wrap(scratch).order(order).getInt(4), 28);
        readFully(scratch, 12, 12, "a section header block");
        ByteBuffer h = ByteBuffer.wrap(scratch).order(order);
        int major = h.getShort(12) & 0xFFFF;
        if (major != 1) {
            throw fail(start + 12, "pcapng version " + major + "." + (h.getShort(14) & 0xFFFF) + ", only 1.x is defined");
        }
        interfaces.clear();
        skip(total - 28, "the section header options");
        readTrailer(start, total);
    }

    private CaptureRecord nextPcapng() throws IOException {
        while (true) {
            long start = position;
            if (!readStart(scratch, 8, "a block header")) {
                return null;
            }
            ByteBuffer h = ByteBuffer.wrap(scratch).order(order);
            int type = h.getInt(0);
            if (type == SHB) {
                readSectionHeader(start);
                continue;
            }
            long total = blockLength(start, h.getInt(4), 12);
            switch (type) {
                case IDB:
                    readInterface(start, total);
                    break;
                case EPB:
                    return readPacket(start, total, false);
                case OPB:
                    return readPacket(start, total, true);
                case SPB:
                    return readSimplePacket(start, total);
                default:
                    skip(total - 12, "a block of type " + type);
                    readTrailer(start, total);
            }
        }
    }

    private long blockLength(long start, int field, int minimum) {
        long total = Integer.toUnsignedLong(field);
        if (total < minimum || total % 4 != 0) {
            throw fail(start + 4, "block total length " + total + " is not a multiple of 4 of at least " + minimum);
        }
        return total;
    }

    private void readTrailer(long start, long total) throws IOException {
        readFully(scratch, 0, 4, "the trailing length of the block at offset " + start);
        long trailing = Integer.toUnsignedLong(ByteBuffer.wrap(scratch).order(order).getInt(0));
        if (trailing != total) {
            throw fail(position - 4, "block total length mismatch: the block at offset " + start + " starts with "
                    + total + " and ends with " + trailing);
        }
    }

    private void readInterface(long start, long total) throws IOException {
        if (interfaces.size() == MAX_INTERFACES) {
            throw fail(start, "interface description block beyond the " + MAX_INTERFACES
                    + " interfaces a section may describe");
        }
        if (total < 20) {
            throw fail(start + 4, "interface description block of " + total + " bytes, at least 20 needed");
        }
        if (total > MAX_INTERFACE_BLOCK) {
            throw fail(start + 4, "interface description block of " + total + " bytes exceeds " + MAX_INTERFACE_BLOCK);
        }
        byte[] body = new byte[(int) total - 12];
        readFully(body, 0, body.length, "an interface description block");
        ByteBuffer b = ByteBuffer.wrap(body).order(order);
        int linkType = b.getShort(0) & 0xFFFF;
        long snaplen = Integer.toUnsignedLong(b.getInt(4));
        boolean binary = false;
        int exponent = 6;
        long offsetSeconds = 0;
        int p = 8;
        while (p + 4 <= body.length) {
            int code = b.getShort(p) & 0xFFFF;
            int length = b.getShort(p + 2) & 0xFFFF;
            if (code == OPT_END) {
                break;
            }
            if (p + 4 + length > body.length) {
                throw fail(start + 8 + p, "interface option " + code + " of " + length + " bytes overruns its block");
            }
            if (code == IF_TSRESOL) {
                if (length != 1) {
                    throw fail(start + 8 + p, "if_tsresol has " + length + " bytes, expected 1");
                }
                int v = body[p + 4] & 0xFF;
                binary = (v & 0x80) != 0;
                exponent = v & 0x7F;
                if (binary ? exponent > 62 : exponent > 18) {
                    throw fail(start + 8 + p, "if_tsresol " + (binary ? "2^-" : "10^-") + exponent + " is finer than supported");
                }
            } else if (code == IF_TSOFFSET) {
                if (length != 8) {
                    throw fail(start + 8 + p, "if_tsoffset has " + length + " bytes, expected 8");
                }
                offsetSeconds = b.getLong(p + 4);
            }
            p += 4 + (length + 3 & ~3);
        }
        interfaces.add(new Interface(linkType, snaplen, binary, exponent, offsetSeconds));
        readTrailer(start, total);
    }

    private Interface iface(long at, long id) {
        if (id >= interfaces.size()) {
            throw fail(at, "interface id " + id + " but the section describes " + interfaces.size() + " interface(s)");
        }
        return interfaces.get((int) id);
    }

    /** An enhanced packet block, or an obsolete packet block with its 16-bit interface id. */
    private CaptureRecord readPacket(long start, long total, boolean obsolete) throws IOException {
        if (total < 32) {
            throw fail(start + 4, "packet block of " + total + " bytes, at least 32 needed");
        }
        readFully(scratch, 8, 20, "a packet block header");
        ByteBuffer h = ByteBuffer.wrap(scratch).order(order);
        long id = obsolete ? h.getShort(8) & 0xFFFF : Integer.toUnsignedLong(h.getInt(8));
        Interface itf = iface(start + 8, id);
        long ts = (long) h.getInt(12) << 32 | Integer.toUnsignedLong(h.getInt(16));
        long caplen = Integer.toUnsignedLong(h.getInt(20));
        long origlen = Integer.toUnsignedLong(h.getInt(24));
        if (caplen > total - 32) {
            throw fail(start + 20, "captured length " + caplen + " overruns the block of " + total + " bytes");
        }
        checkCaptured(start + 20, caplen, origlen, itf.snaplen());
        byte[] data = new byte[(int) caplen];
        readFully(data, 0, data.length, "the packet data of the block at offset " + start);
        skip(total - 32 - caplen, "the padding and options of the block at offset " + start);
        readTrailer(start, total);
        return CaptureRecord.owning(time(start + 12, itf, ts), itf.linkType(), (int) id, (int) origlen, data);
    }

    /** A simple packet block: interface 0, no timestamp, captured length implied by the block length. */
    private CaptureRecord readSimplePacket(long start, long total) throws IOException {
        if (total < 16) {
            throw fail(start + 4, "simple packet block of " + total + " bytes, at least 16 needed");
        }
        Interface itf = iface(start, 0);
        readFully(scratch, 8, 4, "a simple packet block header");
        long origlen = Integer.toUnsignedLong(ByteBuffer.wrap(scratch).order(order).getInt(8));
        long caplen = itf.snaplen() == 0 ? origlen : Math.min(origlen, itf.snaplen());
        if (caplen > MAX_RECORD_LENGTH) {
            throw fail(start + 8, "captured length " + caplen + " exceeds the " + MAX_RECORD_LENGTH + "-byte limit");
        }
        if ((caplen + 3 & ~3L) != total - 16) {
            throw fail(start + 4, "simple packet block of " + total + " bytes cannot hold the " + caplen + " captured bytes");
        }
        byte[] data = new byte[(int) caplen];
        readFully(data, 0, data.length, "the packet data of the block at offset " + start);
        skip(total - 16 - caplen, "the padding of the block at offset " + start);
        readTrailer(start, total);
        return CaptureRecord.owning(null, itf.linkType(), 0, (int) origlen, data);
    }

    private Instant time(long at, Interface itf, long ts) {
        long seconds;
        long nanos;
        int e = itf.exponent();
        if (itf.binaryResolution()) {
            seconds = ts >>> e;
            long fraction = ts & (1L << e) - 1;
            nanos = e == 0 ? 0 : Math.multiplyHigh(fraction, 1_000_000_000L) << 64 - e
                    | fraction * 1_000_000_000L >>> e;
        } else {
            long unitsPerSecond = pow10(e);
            seconds = Long.divideUnsigned(ts, unitsPerSecond);
            long fraction = Long.remainderUnsigned(ts, unitsPerSecond);
            nanos = e <= 9 ? fraction * pow10(9 - e) : fraction / pow10(e - 9);
        }
        try {
            if (seconds < 0) {
                throw new DateTimeException("seconds overflow");
            }
            return Instant.ofEpochSecond(Math.addExact(seconds, itf.offsetSeconds()), nanos);
        } catch (DateTimeException | ArithmeticException e2) {
            throw fail(at, "timestamp " + Long.toUnsignedString(ts) + " is out of range");
        }
    }

    private static long pow10(int e) {
        long v = 1;
        for (int i = 0; i < e; i++) {
            v *= 10;
        }
        return v;
    }

    // stream access

    /** Reads {@code len} bytes, or returns false when the input ends cleanly before the first one. */
    private boolean readStart(byte[] b, int len, String what) throws IOException {
        int first = in.read();
        if (first < 0) {
            return false;
        }
        b[0] = (byte) first;
        position++;
        readFully(b, 1, len - 1, what);
        return true;
    }

    private void readFully(byte[] b, int off, int len, String what) throws IOException {
        int n = in.readNBytes(b, off, len);
        position += n;
        if (n < len) {
            throw fail(position, "truncated in " + what + ": " + len + " bytes needed, the file ends after " + n);
        }
    }

    private void skip(long n, String what) throws IOException {
        try {
            in.skipNBytes(n);
        } catch (EOFException e) {
            throw fail(position, "truncated in " + what + ": " + n + " bytes to skip run past the end of the file");
        }
        position += n;
    }

    private FcFormatException fail(long offset, String problem) {
        return FcFormatException.of("capture file", source, "at offset " + offset + ": " + problem);
    }
}
