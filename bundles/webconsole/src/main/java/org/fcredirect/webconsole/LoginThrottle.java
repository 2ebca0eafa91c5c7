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
 * lockout per few tries and a locked answer says nothing about the password. An attempt counts as
 * a failure from the moment it is admitted until it succeeds, so guesses sent at once cannot slip
 * past the limit while the first ones are checked. The console listens on the loopback interface,
 * where every client has the same address: the name is the only key. At most {@code capacity} names
 * are tracked; when that many are failing at once, every new name is refused until some lockouts
 * end (fail-closed), rather than forgetting a guessed name.
 */
final class LoginThrottle {
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    /**
     * @param count failures in a row, admitted attempts included; 0 once they locked the name
     * @param last the latest admitted attempt
     * @param lockedUntil when the latest lockout ends, or null
     * @param reported whether that lockout has been logged
     */
    private record Failures(int count, Instant last, Instant lockedUntil, boolean reported) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }

    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final int capacity;

    LoginThrottle(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Admits one login attempt for this name, counted as failed until {@link #succeeded}; the attempt
     * that reaches the limit is admitted and locks the name for those after it.
     *
     * @return empty when admitted, else how long the name stays refused
     */
    Optional<Duration> admit(String user, Instant now, ConsoleLimits limits) {
        if (!failures.containsKey(user) && failures.size() >= capacity) {
            forgetOld(now, limits);
            if (failures.size() >= capacity) {
                return Optional.of(limits.lockout());
            }
        }
        boolean[] admitted = {false};
        Failures f = failures.compute(user, (u, old) -> {
            if (old != null && old.lockedAt(now)) {
                return old;
            }
            admitted[0] = true;
            // a run of failures ends once a lockout has passed without another
            int count = old == null || !now.isBefore(old.last().plus(limits.lockout())) ? 1 : old.count() + 1;
            return count >= limits.failuresBeforeLockout()
                    ? new Failures(0, now, now.plus(limits.lockout()), false)
                    : new Failures(count, now, null, false);
        });
        return admitted[0] ? Optional.empty() : Optional.of(Duration.between(now, f.lockedUntil()));
    }

    /** The admitted attempt failed: a lockout it caused is logged, once. */
    void failed(String user, Instant now, ConsoleLimits limits) {
        boolean[] report = {false};
        failures.computeIfPresent(user, (u, old) -> {
            if (!old.lockedAt(now) || old.reported()) {
                return old;
            }
            report[0] = true;
            return new Failures(old.count(), old.last(), old.lockedUntil(), true);
        });
        if (report[0]) {
            LOG.warn("web console: user name '{}' locked out for {} s after {} failed logins in a row", printable(user),
                    limits.lockout().toSeconds(), limits.failuresBeforeLockout());
        }
    }

    void succeeded(String user) {
        failures.remove(user);
    }

    private void forgetOld(Instant now, ConsoleLimits limits) {
        failures.values().removeIf(f -> !now.isBefore(f.last().plus(limits.lockout())) && !f.lockedAt(now));
    }

    /** A user name as typed goes to the log without line breaks or control characters. */
    static String printable(String user) {
        StringBuilder sb = new StringBuilder(Math.min(user.length(), 64));
        user.codePoints().limit(64).forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return sb.toString();
    }
}
