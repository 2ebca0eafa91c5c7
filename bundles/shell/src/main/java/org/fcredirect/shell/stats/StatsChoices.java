package org.fcredirect.shell.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.fcredirect.stats.api.GroupBy;

/** The lower-case names the commands accept for the statistics' enums, and their parsing. */
final class StatsChoices {
    /** The grouping that is no grouping: {@code --by total}. */
    static final String TOTAL = "total";

    private StatsChoices() {
    }

    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> String[] names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(StatsChoices::name).toArray(String[]::new);
    }

    /** @throws IllegalArgumentException naming the option and the accepted values */
    static <E extends Enum<E>> E parse(String option, String text, Class<E> type) {
        return find(text, type).orElseThrow(() -> new IllegalArgumentException(
                option + " '" + text + "': must be one of " + String.join(", ", names(type))));
    }

    /** A group-by, or empty for {@value #TOTAL}. */
    static Optional<GroupBy> groupBy(String option, String text) {
        if (TOTAL.equalsIgnoreCase(strip(text))) {
            return Optional.empty();
        }
        return Optional.of(find(text, GroupBy.class).orElseThrow(() -> new IllegalArgumentException(
                option + " '" + text + "': must be one of " + TOTAL + ", " + String.join(", ", names(GroupBy.class)))));
    }

    private static <E extends Enum<E>> Optional<E> find(String text, Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).filter(v -> name(v).equalsIgnoreCase(strip(text))).findFirst();
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
