package org.fcredirect.fc.sll;

/** Big-endian fields of the cooked headers. */
final class Cooked {
    private Cooked() {
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) << 8 | b[off + 1] & 0xFF;
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }
}
