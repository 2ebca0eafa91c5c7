package org.fcredirect.stats.api;

import java.time.Duration;

/** The width of a time bucket. */
public enum Resolution {
    SECOND(Duration.ofSeconds(1)), MINUTE(Duration.ofMinutes(1));

    private final Duration width;

    Resolution(Duration width) {
        this.width = width;
    }

    public Duration width() {
        return width;
    }
}
