package org.fcredirect.config.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a service's metatype says of one setting.
 *
 * @param cardinality 0 for one value; otherwise at most {@code |cardinality|} values
 *        ({@link Integer#MAX_VALUE} or {@link Integer#MIN_VALUE}: no limit)
 * @param defaults the default value(s); empty when there is none
 * @param options the allowed values; empty when any value of the type is allowed
 * @param min the least value (for a string, the least length), when there is one
 * @param max the greatest value (for a string, the greatest length), when there is one
 * @param required a value must be present: one without a default cannot be reset
 */
public record SettingDefinition(String key, String name, String description, SettingType type, int cardinality,
        List<String> defaults, List<SettingOption> options, Optional<String> min, Optional<String> max,
        boolean required) {

    public SettingDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        defaults = List.copyOf(defaults);
        options = List.copyOf(options);
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
    }

    public boolean multiValued() {
        return cardinality != 0;
    }

    /** The rule in a few words, e.g. {@code integer 0..10000000} or {@code string, one of permit, drop}. */
    public String rule() {
        StringBuilder s = new StringBuilder(type.toString());
        if (min.isPresent() || max.isPresent()) {
            s.append(type == SettingType.STRING ? ", length " : " ").append(min.orElse("")).append("..")
                    .append(max.orElse(""));
        }
        if (!options.isEmpty()) {
            s.append(", one of ").append(options.stream().map(SettingOption::value).collect(Collectors.joining(", ")));
        }
        if (multiValued()) {
            int most = Math.abs(cardinality);
            s.append(most == Integer.MAX_VALUE || cardinality == Integer.MIN_VALUE ? ", comma-separated list"
                    : ", up to " + most + " comma-separated values");
        }
        return s.toString();
    }
}
