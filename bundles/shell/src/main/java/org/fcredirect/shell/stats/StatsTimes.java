package org.fcredirect.shell.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Times an operator types: {@code now}, a time ago such as {@code -15m}, or an ISO-8601 instant. */
final class StatsTimes {
    private static final Pattern AGO = Pattern.compile("-(\\d{1,9})([smhd])");

    private StatsTimes() {
    }

    /**
     * @param option the option the text came from, named in the error
     * @throws IllegalArgumentException naming the option and the forms it accepts
     */
    static Instant parse(String option, String text, Instant now) {
        String s = text == null ? "" : text.strip();
        if (s.equalsIgnoreCase("now")) {
            return now;
        }
        Matcher ago = AGO.matcher(s);
        if (ago.matches()) {
            long amount = Long.parseLong(ago.group(1));
            return now.minus(switch (ago.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "': not a time; use now, a time ago such as -90s,"
                    + " -15m, -1h, -2d, or an ISO-8601 instant such as 2024-05-01T10:00:00Z");
        }
    }
}
