package org.fcredirect.policy.api;

import java.util.OptionalInt;

import org.fcredirect.fc.fcp.Lun;
import org.fcredirect.flow.api.ValidationException;

/**
 * The LUN numbers a policy matches: any (every flow, narrowed to a LUN or not), or a range
 * {@code from..to} that matches only flows narrowed to a LUN in it.
 */
public final class LunRange {
    private static final LunRange ANY = new LunRange(0, Lun.MAX_NUMBER, true);

    private final int from;
    private final int to;
    private final boolean any;

    private LunRange(int from, int to, boolean any) {
        this.from = from;
        this.to = to;
        this.any = any;
    }

    public static LunRange any() {
        return ANY;
    }

    /** @throws ValidationException for a number outside 0..16383, or an empty range (matches nothing) */
    public static LunRange of(int from, int to) {
        check(from);
        check(to);
        if (from > to) {
            throw new ValidationException("lun", from + "-" + to, "matches nothing: the range is empty");
        }
        return new LunRange(from, to, false);
    }

    private static void check(int number) {
        if (number < 0 || number > Lun.MAX_NUMBER) {
            throw new ValidationException("lun", number, "must be 0.." + Lun.MAX_NUMBER);
        }
    }

    /** Parses {@code *}, {@code 5} or {@code 0-9}. */
    public static LunRange parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.equals("*") || s.equalsIgnoreCase("any")) {
            return ANY;
        }
        int dash = s.indexOf('-');
        String from = dash < 0 ? s : s.substring(0, dash);
        String to = dash < 0 ? s : s.substring(dash + 1);
        return of(number(text, from), number(text, to));
    }

    private static int number(String text, String digits) {
        String d = digits.strip();
        if (d.isEmpty() || d.length() > 5 || !d.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ValidationException("lun", text, "expected *, a LUN number or a range like 0-9");
        }
        return Integer.parseInt(d);
    }

    public boolean isAny() {
        return any;
    }

    public int from() {
        return from;
    }

    public int to() {
        return to;
    }

    /** @param lun a flow's LUN number, empty for a flow of every LUN */
    public boolean matches(OptionalInt lun) {
        return any || lun.isPresent() && lun.getAsInt() >= from && lun.getAsInt() <= to;
    }

    public boolean overlaps(LunRange other) {
        return any || other.any || from <= other.to && other.from <= to;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LunRange r && r.any == any && r.from == from && r.to == to;
    }

    @Override
    public int hashCode() {
        return any ? -1 : from * 16384 + to;
    }

    /** The {@link #parse} form. */
    @Override
    public String toString() {
        return any ? "*" : from == to ? Integer.toString(from) : from + "-" + to;
    }
}
