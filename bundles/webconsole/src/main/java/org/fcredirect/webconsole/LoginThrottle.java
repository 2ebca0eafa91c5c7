package org.fcredirect.webconsole;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed logins per user name: after {@link ConsoleLimits#failuresBeforeLockout()} in a row the name
 * is refused for {@link ConsoleLimits#lockout()}, whatever password comes, so guessing costs a
 * lockout per few tries and a locked answer says nothing about the password. The console listens on
 * the loopback interface, where every client has the same address: the name is the only key. At
 * most {@code capacity} names are tracked; when that many are failing at once, every login is
 * refused until some lockouts end (fail-closed), rather than forgetting a guessed name.
 */
final class LoginThrottle {
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    /** @param count failures in a row; {@code lockedUntil} is set once they reach the limit */
    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final int capacity;

    LoginThrottle(int capacity) {
        this.capacity = capacity;
    }

    /** How long this name stays refused, if it is. */
    Optional<Duration> lockedFor(String user, Instant now, ConsoleLimits limits) {
        Failures f = failures.get(user);
        if (f == null) {
            if (failures.size() >= capacity) {
                forgetOld(now, limits);
                return failures.size() >= capacity ? Optional.of(limits.lockout()) : Optional.empty();
            }
            return Optional.empty();
        }
        return f.lockedUntil() != null && now.isBefore(f.lockedUntil())
                ? Optional.of(Duration.between(now, f.lockedUntil()))
                : Optional.empty();
    }

    void failed(String user, Instant now, ConsoleLimits limits) {
        Failures f = failures.compute(user, (u, old) -> {
            // a run of failures ends once a lockout has passed without another
            int count = old == null || !now.isBefore(old.last().plus(limits.lockout())) ? 1 : old.count() + 1;
            return count >= limits.failuresBeforeLockout()
                    ? new Failures(0, now, now.plus(limits.lockout()))
                    : new Failures(count, now, old == null ? null : old.lockedUntil());
        });
        if (f.count() == 0) {
            LOG.warn("web console: user name '{}' locked out for {} s after {} failed logins in a row", printable(user),
                    limits.lockout().toSeconds(), limits.failuresBeforeLockout());
        }
    }

    void succeeded(String user) {
        failures.remove(user);
    }

    private void forgetOld(Instant now, ConsoleLimits limits) {
        failures.values().removeIf(f -> !now.isBefore(f.last().plus(limits.lockout()))
                && (f.lockedUntil() == null || !now.isBefore(f.lockedUntil())));
    }

    /** A user name as typed goes to the log without line breaks or control characters. */
    static String printable(String user) {
        StringBuilder sb = new StringBuilder(Math.min(user.length(), 64));
        user.codePoints().limit(64).forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return sb.toString();
    }
}
