package org.fcredirect.flow.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code key=value key="quoted value"} form operators type: whitespace separates pairs, a
 * double-quoted value may hold spaces, {@code \"} and {@code \\} inside quotes stand for themselves.
 */
final class KeyValues {
    private KeyValues() {
    }

    static Map<String, String> parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (text == null) {
            return fields;
        }
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i == n) {
                return fields;
            }
            int keyStart = i;
            while (i < n && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String key = text.substring(keyStart, i);
            if (i == n || text.charAt(i) != '=') {
                throw new ValidationException(key, "", "expected key=value");
            }
            i++;
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = text.charAt(i++);
                    if (c == '"') {
                        closed = true;
                        break;
                    }
                    if (c == '\\' && i < n && (text.charAt(i) == '"' || text.charAt(i) == '\\')) {
                        c = text.charAt(i++);
                    }
                    value.append(c);
                }
                if (!closed) {
                    throw new ValidationException(key, value, "the quoted value has no closing quote");
                }
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    value.append(text.charAt(i++));
                }
            }
            if (fields.put(key, value.toString()) != null) {
                throw new ValidationException(key, value, "is given twice");
            }
        }
    }

    /** {@code value}, quoted when it is empty or holds a space, a quote or a backslash. */
    static String quote(String value) {
        boolean plain = !value.isEmpty() && value.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\\');
        if (plain) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
