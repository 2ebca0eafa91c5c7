package org.fcredirect.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Writes JSON as it goes, to any {@link Appendable}. Keys keep the order they are written in.
 * Values: null, booleans, numbers (a NaN or an infinity as null, since JSON has neither), strings,
 * maps, collections and optionals; anything else is written as its {@code toString()}.
 */
public final class JsonWriter {
    private final Appendable out;
    private final Spacing spacing;
    /** Per open container: whether the next member needs a separator first. */
    private boolean[] followsMember = new boolean[8];
    private int depth;
    private boolean afterName;

    public JsonWriter(Appendable out, Spacing spacing) {
        this.out = out;
        this.spacing = spacing;
    }

    public JsonWriter beginObject() {
        return open('{');
    }

    public JsonWriter endObject() {
        return close('}');
    }

    public JsonWriter beginArray() {
        return open('[');
    }

    public JsonWriter endArray() {
        return close(']');
    }

    public JsonWriter name(String name) {
        separate();
        quote(name, out);
        append(spacing.afterName);
        afterName = true;
        return this;
    }

    /** Writes one value, recursing into maps and collections. */
    public JsonWriter value(Object v) {
        if (v instanceof Map<?, ?> m) {
            beginObject();
            m.forEach((k, e) -> name(String.valueOf(k)).value(e));
            return endObject();
        }
        if (v instanceof Collection<?> c) {
            beginArray();
            c.forEach(this::value);
            return endArray();
        }
        if (v instanceof Optional<?> o) {
            return value(o.orElse(null));
        }
        separate();
        if (v == null) {
            append("null");
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short
                || v instanceof Byte || v instanceof BigInteger || v instanceof BigDecimal) {
            append(v.toString());
        } else if (v instanceof Number n) {
            append(Double.isFinite(n.doubleValue()) ? n.toString() : "null");
        } else {
            quote(v.toString(), out);
        }
        return this;
    }

    /**
     * Appends {@code s} as a JSON string: quotes, backslashes and control characters escaped, and a
     * lone surrogate escaped too, so the output is always well-formed UTF-8 once encoded.
     */
    public static void quote(CharSequence s, Appendable out) {
        try {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20 || Character.isSurrogate(c) && !pairedAt(s, i)) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else if (Character.isHighSurrogate(c)) {
                            out.append(c).append(s.charAt(++i));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean pairedAt(CharSequence s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }

    private JsonWriter open(char bracket) {
        separate();
        append(String.valueOf(bracket));
        if (++depth == followsMember.length) {
            followsMember = Arrays.copyOf(followsMember, depth * 2);
        }
        followsMember[depth] = false;
        return this;
    }

    private JsonWriter close(char bracket) {
        if (depth == 0) {
            throw new IllegalStateException("no open container to close with " + bracket);
        }
        depth--;
        append(String.valueOf(bracket));
        return this;
    }

    private void separate() {
        if (afterName) {
            afterName = false;
        } else if (followsMember[depth]) {
            append(spacing.betweenMembers);
        }
        followsMember[depth] = true;
    }

    private void append(String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
