package org.fcredirect.flow.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses the lower-case names operators type for enum constants. */
final class Names {
    private Names() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        if (text != null) {
            String s = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(s)) {
                    return e;
                }
            }
        }
        throw new ValidationException(field, text, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).collect(Collectors.joining(", ")));
    }
}
