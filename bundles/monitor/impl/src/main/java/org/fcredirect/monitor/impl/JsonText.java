package org.fcredirect.monitor.impl;

/** Writes one flat JSON object, for event payloads that {@code fcr:events} shows as text. */
final class JsonText {
    private final StringBuilder out = new StringBuilder("{");

    JsonText field(String name, String value) {
        key(name);
        quote(value);
        return this;
    }

    JsonText field(String name, long value) {
        key(name);
        out.append(value);
        return this;
    }

    private void key(String name) {
        if (out.length() > 1) {
            out.append(',');
        }
        quote(name);
        out.append(':');
    }

    private void quote(String s) {
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
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out + "}";
    }
}
