package org.fcredirect.webconsole;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The console's settings, checked: what {@link WebConsoleConfig} says, within its bounds.
 *
 * @param sessionIdle a session ends after this long without a request
 * @param sessionMax a session ends this long after its login
 * @param failuresBeforeLockout failed logins in a row that lock a user name out
 * @param lockout how long a locked-out user name is refused
 * @param failedLoginFloor a failed login answers no sooner than this
 * @param roles roles that may log in
 * @param origins origins allowed beyond the loopback ones of the HTTP port
 */
record ConsoleLimits(Duration sessionIdle, Duration sessionMax, int failuresBeforeLockout, Duration lockout,
                     Duration failedLoginFloor, Set<String> roles, List<String> origins) {

    ConsoleLimits {
        roles = Set.copyOf(roles);
        origins = List.copyOf(origins);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("roles: at least one role must be allowed to log in");
        }
    }

    static ConsoleLimits of(WebConsoleConfig c) {
        return new ConsoleLimits(
                Duration.ofSeconds(within("sessionIdleSeconds", c.sessionIdleSeconds(), 60, 86_400)),
                Duration.ofSeconds(within("sessionMaxSeconds", c.sessionMaxSeconds(), 60, 604_800)),
                within("failuresBeforeLockout", c.failuresBeforeLockout(), 1, 100),
                Duration.ofSeconds(within("lockoutSeconds", c.lockoutSeconds(), 1, 86_400)),
                Duration.ofMillis(within("failedLoginMillis", c.failedLoginMillis(), 0, 10_000)),
                Set.copyOf(items(c.roles())),
                items(c.origins()));
    }

    /** The items of a comma-separated setting, blanks dropped. */
    static List<String> items(String setting) {
        return Arrays.stream(setting.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static int within(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " = " + value + ": must be " + min + ".." + max);
        }
        return value;
    }
}
