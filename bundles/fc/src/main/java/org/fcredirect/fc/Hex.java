package org.fcredirect.fc;

/** Strict hexadecimal helpers shared by the parsers of this package. */
public final class Hex {
    private Hex() {
    }

    /** The value of one hex digit, or -1. */
    public static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /**
     * Parses a hex dump: pairs of hex digits, optionally separated by whitespace, ':' or '-', with
     * an optional leading "0x".
     *
     * @throws FcFormatException on an odd number of digits or a character that is not hex
     */
    public static byte[] decode(String dump) {
        if (dump == null) {
            throw FcFormatException.of("hex dump", "null", "is missing");
        }
        String s = dump.strip();
        // positions in messages count from the start of dump, not of the stripped digits
        int base = dump.length() - dump.stripLeading().length();
        if (s.startsWith("0x") || s.startsWith("0X")) {
            s = s.substring(2);
            base += 2;
        }
        byte[] out = new byte[s.length() / 2 + 1];
        int n = 0;
        int high = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == ':' || c == '-') {
                if (high >= 0) {
                    throw FcFormatException.of("hex dump", dump, "separator inside a byte at position " + (base + i));
                }
                continue;
            }
            int d = digit(c);
            if (d < 0) {
                throw FcFormatException.of("hex dump", dump, "'" + c + "' at position " + (base + i) + " is not a hex digit");
            }
            if (high < 0) {
                high = d;
            } else {
                out[n++] = (byte) (high << 4 | d);
                high = -1;
            }
        }
        if (high >= 0) {
            throw FcFormatException.of("hex dump", dump, "odd number of hex digits");
        }
        if (n == 0) {
            throw FcFormatException.of("hex dump", dump, "holds no bytes");
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Lower-case hex of {@code len} bytes, no separators. */
    public static String encode(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len * 2);
        for (int i = off; i < off + len; i++) {
            sb.append(Character.forDigit(b[i] >> 4 & 0xF, 16)).append(Character.forDigit(b[i] & 0xF, 16));
        }
        return sb.toString();
    }
}
