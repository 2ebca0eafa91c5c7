package org.fcredirect.fc;

/**
 * A 64-bit world wide name (port or node name). Parses {@code 20:00:00:25:b5:00:00:01} or
 * {@code 20000025b5000001} in any case; prints the canonical lower-case colon form.
 */
public final class Wwn implements Comparable<Wwn> {

    /** Network Address Authority: the format of a name, from its top four bits. */
    public enum Naa {
        IEEE(1), IEEE_EXTENDED(2), LOCALLY_ASSIGNED(3), IP(4), IEEE_REGISTERED(5),
        IEEE_REGISTERED_EXTENDED(6), ITU_T(12), ITU_T_GROUP(13), ITU_T_E164(14), ITU_T_X121(15);

        private final int code;

        Naa(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        /** The NAA of a code, or null for a reserved one (0, 7..11). */
        public static Naa ofCode(int code) {
            for (Naa n : values()) {
                if (n.code == code) {
                    return n;
                }
            }
            return null;
        }
    }

    private final long value;

    private Wwn(long value) {
        this.value = value;
    }

    /** @throws FcFormatException when the NAA (top four bits) is reserved, e.g. an all-zero name */
    public static Wwn of(long value) {
        if (Naa.ofCode(naaCode(value)) == null) {
            throw FcFormatException.of("WWN", format(value), "NAA type " + naaCode(value) + " is reserved");
        }
        return new Wwn(value);
    }

    public static Wwn parse(String text) {
        if (text == null) {
            throw FcFormatException.of("WWN", "null", "is missing");
        }
        String s = text.strip();
        // positions in messages count from the start of text, not of the stripped name
        int base = text.length() - text.stripLeading().length();
        boolean colons = s.indexOf(':') >= 0;
        if (colons ? s.length() != 23 : s.length() != 16) {
            throw FcFormatException.of("WWN", text,
                    "expected 8 colon-separated bytes (xx:xx:xx:xx:xx:xx:xx:xx) or 16 hex digits");
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (colons && i % 3 == 2) {
                if (c != ':') {
                    throw FcFormatException.of("WWN", text, "expected ':' at position " + (base + i));
                }
                continue;
            }
            int d = Hex.digit(c);
            if (d < 0) {
                throw FcFormatException.of("WWN", text, "'" + c + "' at position " + (base + i) + " is not a hex digit");
            }
            v = v << 4 | d;
        }
        if (Naa.ofCode(naaCode(v)) == null) {
            throw FcFormatException.of("WWN", text, "NAA type " + naaCode(v) + " is reserved");
        }
        return new Wwn(v);
    }

    private static int naaCode(long v) {
        return (int) (v >>> 60);
    }

    public long value() {
        return value;
    }

    public Naa naa() {
        return Naa.ofCode(naaCode(value));
    }

    /** The IEEE company id (OUI) for NAA 1, 2 and 5 names, else -1. */
    public int oui() {
        switch (naa()) {
            case IEEE:
            case IEEE_EXTENDED:
                return (int) (value >>> 24 & 0xFFFFFF);
            case IEEE_REGISTERED:
            case IEEE_REGISTERED_EXTENDED:
                return (int) (value >>> 36 & 0xFFFFFF);
            default:
                return -1;
        }
    }

    /** Lower-case colon form of a raw value. */
    public static String format(long value) {
        char[] out = new char[23];
        for (int i = 0; i < 8; i++) {
            int b = (int) (value >>> (56 - 8 * i)) & 0xFF;
            out[i * 3] = Character.forDigit(b >>> 4, 16);
            out[i * 3 + 1] = Character.forDigit(b & 0xF, 16);
            if (i < 7) {
                out[i * 3 + 2] = ':';
            }
        }
        return new String(out);
    }

    @Override
    public String toString() {
        return format(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Wwn && ((Wwn) o).value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public int compareTo(Wwn o) {
        return Long.compareUnsigned(value, o.value);
    }
}
