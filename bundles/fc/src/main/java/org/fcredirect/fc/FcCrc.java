package org.fcredirect.fc;

import java.util.zip.CRC32;

/**
 * The FC frame CRC: CRC-32 with the IEEE 802.3 polynomial over header and data field, the same
 * function as Ethernet's FCS. On the wire (and in captures with frame delimiters or FCoE) the
 * value is carried least significant byte first, like the Ethernet FCS.
 */
public final class FcCrc {
    private FcCrc() {
    }

    /** The CRC of {@code len} bytes from {@code off}. */
    public static int compute(byte[] buf, int off, int len) {
        CRC32 crc = new CRC32();
        crc.update(buf, off, len);
        return (int) crc.getValue();
    }

    /** Writes {@code crc} at {@code off} in transmission order (least significant byte first). */
    public static void put(byte[] buf, int off, int crc) {
        buf[off] = (byte) crc;
        buf[off + 1] = (byte) (crc >>> 8);
        buf[off + 2] = (byte) (crc >>> 16);
        buf[off + 3] = (byte) (crc >>> 24);
    }

    /** Reads a CRC stored in transmission order at {@code off}. */
    public static int get(byte[] buf, int off) {
        return buf[off] & 0xFF | (buf[off + 1] & 0xFF) << 8 | (buf[off + 2] & 0xFF) << 16 | (buf[off + 3] & 0xFF) << 24;
    }

    /**
     * Checks the CRC stored right after {@code len} frame bytes.
     *
     * @throws FcFormatException naming both values when they differ, or when the frame and its CRC
     *     are not inside {@code buf}
     */
    public static void check(byte[] buf, int off, int len) {
        // written so that off + len + 4 cannot overflow
        if (off < 0 || len < 0 || off > buf.length || len > buf.length - off - 4) {
            throw FcFormatException.of("frame", "offset " + off + ", length " + len,
                    "truncated: the frame and its 4-byte CRC do not fit in the " + buf.length + "-byte buffer");
        }
        int stored = get(buf, off + len);
        int computed = compute(buf, off, len);
        if (stored != computed) {
            throw FcFormatException.of("frame CRC", String.format("0x%08x", stored),
                    String.format("does not match the computed 0x%08x", computed));
        }
    }
}
