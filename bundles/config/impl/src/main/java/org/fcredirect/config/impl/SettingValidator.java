package org.fcredirect.config.impl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.fcredirect.config.api.SettingDefinition;
import org.fcredirect.config.api.SettingOption;
import org.fcredirect.config.api.SettingRule;
import org.fcredirect.config.api.SettingType;

/**
 * Checks a value against its setting's metatype, rule by rule (type, allowed values, min, max,
 * number of values, required), and gives its canonical text.
 */
final class SettingValidator {

    /** The canonical text of a valid value, or the rule it breaks. */
    record Checked(Optional<String> canonical, Optional<SettingProblem> problem) {
        static Checked ok(String text) {
            return new Checked(Optional.of(text), Optional.empty());
        }

        static Checked refused(SettingRule rule, String problem) {
            return new Checked(Optional.empty(), Optional.of(new SettingProblem(rule, problem)));
        }
    }

    private SettingValidator() {
    }

    static Checked check(SettingDefinition d, String text) {
        if (d.type() == SettingType.PASSWORD) {
            return Checked.refused(SettingRule.TYPE, "is a password; the configuration service does not manage"
                    + " passwords (its history is not secret): set it with config:property-set");
        }
        List<String> values = d.multiValued() ? ValueText.split(text) : List.of(text.strip());
        int most = Math.abs(d.cardinality());
        if (d.multiValued() && d.cardinality() != Integer.MIN_VALUE && most != Integer.MAX_VALUE
                && values.size() > most) {
            return Checked.refused(SettingRule.CARDINALITY, "takes at most " + most + " values, not " + values.size());
        }
        if (d.multiValued() && values.isEmpty() && d.required()) {
            return Checked.refused(SettingRule.REQUIRED, "needs at least one value");
        }
        List<String> canonical = new ArrayList<>();
        for (String v : values) {
            Checked one = checkOne(d, v);
            if (one.problem().isPresent()) {
                return one;
            }
            canonical.add(one.canonical().orElseThrow());
        }
        return Checked.ok(d.multiValued() ? ValueText.join(canonical) : canonical.get(0));
    }

    /** A reset to the default: refused for a required setting without one. */
    static Optional<SettingProblem> checkReset(SettingDefinition d) {
        if (d.required() && d.defaults().isEmpty()) {
            return Optional.of(new SettingProblem(SettingRule.REQUIRED, "is required and has no default to go back to"));
        }
        return Optional.empty();
    }

    private static Checked checkOne(SettingDefinition d, String v) {
        String canonical;
        try {
            canonical = parse(d.type(), v);
        } catch (IllegalArgumentException e) {
            return Checked.refused(SettingRule.TYPE, "must be " + typeName(d.type()));
        }
        if (!d.options().isEmpty() && d.options().stream().noneMatch(o -> o.value().equals(canonical))) {
            return Checked.refused(SettingRule.OPTIONS, "must be one of "
                    + d.options().stream().map(SettingOption::value).collect(Collectors.joining(", ")));
        }
        if (d.min().isPresent() && compare(d.type(), canonical, d.min().get()) < 0) {
            return Checked.refused(SettingRule.MIN, "must be at least " + d.min().get() + lengthWord(d.type()));
        }
        if (d.max().isPresent() && compare(d.type(), canonical, d.max().get()) > 0) {
            return Checked.refused(SettingRule.MAX, "must be at most " + d.max().get() + lengthWord(d.type()));
        }
        return Checked.ok(canonical);
    }

    /** The value's canonical text. @throws IllegalArgumentException when it is not of the type */
    private static String parse(SettingType type, String v) {
        return switch (type) {
            case LONG -> Long.toString(Long.parseLong(v));
            case INTEGER -> Integer.toString(Integer.parseInt(v));
            case SHORT -> Short.toString(Short.parseShort(v));
            case BYTE -> Byte.toString(Byte.parseByte(v));
            case DOUBLE -> finite(Double.parseDouble(v), v);
            case FLOAT -> finite(Float.parseFloat(v), v);
            case BOOLEAN -> bool(v);
            case CHARACTER -> {
                if (v.length() != 1) {
                    throw new IllegalArgumentException(v);
                }
                yield v;
            }
            case STRING, PASSWORD -> {
                if (v.chars().anyMatch(Character::isISOControl)) {
                    throw new IllegalArgumentException(v);
                }
                yield v;
            }
        };
    }

    private static String finite(double d, String v) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(v);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static String bool(String v) {
        String lower = v.toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) {
            throw new IllegalArgumentException(v);
        }
        return lower;
    }

    /** Compares a value with a bound: numbers by value, strings by length, characters by code. */
    private static int compare(SettingType type, String value, String bound) {
        return switch (type) {
            case STRING, PASSWORD -> Integer.compare(value.length(), Integer.parseInt(bound.strip()));
            case CHARACTER -> Character.compare(value.charAt(0), bound.charAt(0));
            case BOOLEAN -> 0;
            default -> new BigDecimal(value).compareTo(new BigDecimal(bound.strip()));
        };
    }

    private static String lengthWord(SettingType type) {
        return type == SettingType.STRING ? " characters" : "";
    }

    private static String typeName(SettingType type) {
        return switch (type) {
            case LONG -> "a whole number (long)";
            case INTEGER -> "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
            case SHORT -> "a whole number from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE;
            case BYTE -> "a whole number from " + Byte.MIN_VALUE + " to " + Byte.MAX_VALUE;
            case DOUBLE, FLOAT -> "a finite decimal number";
            case BOOLEAN -> "true or false";
            case CHARACTER -> "exactly one character";
            case STRING, PASSWORD -> "text without control characters";
        };
    }
}
