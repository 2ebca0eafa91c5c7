package org.fcredirect.json;

/** The short ways in: a whole value to text, a whole text to a value. */
public final class Json {
    private Json() {
    }

    /** {@code value} as compact JSON (see {@link JsonWriter#value(Object)} for what it takes). */
    public static String write(Object value) {
        return write(value, Spacing.COMPACT);
    }

    public static String write(Object value, Spacing spacing) {
        StringBuilder sb = new StringBuilder();
        new JsonWriter(sb, spacing).value(value);
        return sb.toString();
    }

    /** Parses one value under the {@link JsonLimits#DEFAULT default limits}, as {@link JsonReader#nextValue()} gives it. */
    public static Object parse(String text) {
        return JsonReader.parse(text, JsonLimits.DEFAULT);
    }
}
