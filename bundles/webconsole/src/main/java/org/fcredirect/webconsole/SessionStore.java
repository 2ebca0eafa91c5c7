package org.fcredirect.webconsole;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.security.auth.Subject;

/**
 * The console's sessions, in memory: a restart logs everyone out. A token is 32 random bytes; a
 * session ends on logout, after {@link ConsoleLimits#sessionIdle()} without a request, or
 * {@link ConsoleLimits#sessionMax()} after its login. At most {@code capacity} live at once: a
 * login beyond that ends the one idle the longest.
 */
final class SessionStore {
    private final ConcurrentMap<String, ConsoleSession> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final int capacity;

    SessionStore(Clock clock, int capacity) {
        this.clock = clock;
        this.capacity = capacity;
    }

    ConsoleSession open(String user, Set<String> roles, Subject subject, ConsoleLimits limits) {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now, limits));
        while (sessions.size() >= capacity) {
            sessions.values().stream().min(Comparator.comparing(ConsoleSession::lastSeen))
                    .ifPresent(oldest -> sessions.remove(oldest.token(), oldest));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ConsoleSession session = new ConsoleSession(token, user, roles, subject, now, now);
        sessions.put(token, session);
        return session;
    }

    /** The live session of this token, marked as seen now; an expired one is ended. */
    Optional<ConsoleSession> find(String token, ConsoleLimits limits) {
        if (token == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.ofNullable(sessions.computeIfPresent(token, (t, s) -> expired(s, now, limits) ? null : s.seenAt(now)));
    }

    void close(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    int size() {
        return sessions.size();
    }

    private static boolean expired(ConsoleSession s, Instant now, ConsoleLimits limits) {
        return !now.isBefore(s.lastSeen().plus(limits.sessionIdle())) || !now.isBefore(s.opened().plus(limits.sessionMax()));
    }
}
