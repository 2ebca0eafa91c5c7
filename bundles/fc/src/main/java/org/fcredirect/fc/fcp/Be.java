package org.fcredirect.fc.fcp;

/** Big-endian field access for the IU codecs. */
final class Be {
    private Be() {
    }

    static int u8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) << 8 | b[off + 1] & 0xFF;
    }

    static long u32(byte[] b, int off) {
        return Integer.toUnsignedLong(u16(b, off) << 16 | u16(b, off + 2));
    }

    static long u64(byte[] b, int off) {
        return u32(b, off) << 32 | u32(b, off + 4);
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    static void put32(byte[] b, int off, long v) {
        put16(b, off, (int) (v >>> 16));
        put16(b, off + 2, (int) v);
    }

    static void put64(byte[] b, int off, long v) {
        put32(b, off, v >>> 32);
        put32(b, off + 4, v);
    }

    static boolean allZero(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Throws unless {@code off, len} lie inside {@code b}: a caller bug, not bad input. */
    static void checkBounds(byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
    }
}
