package org.fcredirect.policy.api;

import org.fcredirect.fc.FcFormatException;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.ValidationException;

/**
 * Which port names a policy matches: any ({@code *}), one exact name, or every name that starts
 * with a prefix: {@code 20:00:00:25:b5:*} (whole bytes) or {@code 20000025b*} (hex digits). Held as
 * a value and a mask, so matching is one AND and one compare.
 */
public final class WwnPattern {
    private static final WwnPattern ANY = new WwnPattern(0, 0);

    private final long value;
    private final long mask;

    private WwnPattern(long value, long mask) {
        this.value = value;
        this.mask = mask;
    }

    public static WwnPattern any() {
        return ANY;
    }

    public static WwnPattern exact(Wwn wwn) {
        return new WwnPattern(wwn.value(), -1L);
    }

    /**
     * @param field named in errors, e.g. {@code initiator}
     * @throws ValidationException for malformed text, and for a prefix no valid name starts with
     *         (a reserved NAA type in its first hex digit), which would match nothing
     */
    public static WwnPattern parse(String field, String text) {
        String s = text == null ? "" : text.strip();
        if (s.equals("*") || s.equalsIgnoreCase("any")) {
            return ANY;
        }
        if (!s.endsWith("*")) {
            try {
                return exact(Wwn.parse(s));
            } catch (FcFormatException e) {
                throw new ValidationException(field, e);
            }
        }
        String body = s.substring(0, s.length() - 1);
        String digits = body.indexOf(':') >= 0 ? colonPrefixDigits(field, text, body) : body;
        if (digits.isEmpty() || digits.length() > 15) {
            throw new ValidationException(field, text, "a prefix holds 1 to 15 hex digits before '*'");
        }
        long v = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), 16);
            if (d < 0) {
                throw new ValidationException(field, text, "'" + digits.charAt(i) + "' is not a hex digit");
            }
            v = v << 4 | d;
        }
        int shift = 64 - 4 * digits.length();
        if (Wwn.Naa.ofCode((int) (v >>> (4 * digits.length() - 4))) == null) {
            throw new ValidationException(field, text, "matches nothing: no valid WWN starts with NAA type "
                    + digits.charAt(0) + " (reserved)");
        }
        return new WwnPattern(v << shift, -1L << shift);
    }

    /** The hex digits of {@code xx:xx:...:}, each byte two digits and followed by a colon. */
    private static String colonPrefixDigits(String field, String text, String body) {
        if (body.length() % 3 != 0) {
            throw new ValidationException(field, text, "a colon prefix is whole bytes, each followed by ':', as in 20:00:00:25:b5:*");
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < body.length(); i += 3) {
            if (body.charAt(i + 2) != ':') {
                throw new ValidationException(field, text, "expected ':' at position " + (i + 2));
            }
            digits.append(body, i, i + 2);
        }
        return digits.toString();
    }

    public boolean matches(Wwn wwn) {
        return (wwn.value() & mask) == value;
    }

    /** {@code true} when some name matches both patterns. */
    public boolean overlaps(WwnPattern other) {
        return ((value ^ other.value) & mask & other.mask) == 0;
    }

    public boolean isAny() {
        return mask == 0;
    }

    public boolean isExact() {
        return mask == -1L;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WwnPattern p && p.value == value && p.mask == mask;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value) * 31 + Long.hashCode(mask);
    }

    /** The {@link #parse} form: {@code *}, the name, or the prefix (in colon form when it is whole bytes). */
    @Override
    public String toString() {
        if (isAny()) {
            return "*";
        }
        String full = Wwn.format(value);
        if (isExact()) {
            return full;
        }
        int nibbles = Long.bitCount(mask) / 4;
        if (nibbles % 2 == 0) {
            return full.substring(0, nibbles / 2 * 3) + "*";
        }
        return String.format("%016x", value).substring(0, nibbles) + "*";
    }
}
