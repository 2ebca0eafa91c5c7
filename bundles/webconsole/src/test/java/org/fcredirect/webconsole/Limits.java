package org.fcredirect.webconsole;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Settings for tests: 10 min idle, 1 h at most, 3 failures lock out for 60 s. */
final class Limits {
    static final ConsoleLimits DEFAULT = new ConsoleLimits(Duration.ofMinutes(10), Duration.ofHours(1), 3, Duration.ofSeconds(60),
            Duration.ZERO, Set.of("viewer", "admin"), List.of());

    private Limits() {
    }
}
