package org.fcredirect.config.impl;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Settings as text: a list is comma-separated, {@code \,} standing for a comma inside a value and
 * {@code \\} for a backslash; each value is stripped of surrounding blanks.
 */
final class ValueText {

    private ValueText() {
    }

    /** The values of a list; an empty or blank text is no value. */
    static List<String> split(String text) {
        List<String> values = new ArrayList<>();
        if (text.isBlank()) {
            return values;
        }
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == ',' || text.charAt(i + 1) == '\\')) {
                current.append(text.charAt(++i));
            } else if (c == ',') {
                values.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        values.add(current.toString().strip());
        return values;
    }

    static String join(List<String> values) {
        return values.stream().map(v -> v.replace("\\", "\\\\").replace(",", "\\,")).collect(Collectors.joining(", "));
    }

    /** A ConfigAdmin property value as text: arrays and collections as lists. */
    static String of(Object value) {
        if (value instanceof Collection<?> c) {
            return join(c.stream().map(String::valueOf).toList());
        }
        if (value != null && value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(String.valueOf(Array.get(value, i)));
            }
            return join(items);
        }
        return String.valueOf(value);
    }
}
