package org.fcredirect.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import javax.security.auth.Subject;
import org.fcredirect.flow.testkit.VirtualClock;
import org.junit.jupiter.api.Test;

class SessionStoreTest {
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-12-03T12:00:00Z"));
    private final SessionStore store = new SessionStore(clock, 3);

    @Test
    void aSessionIsFoundByItsTokenUntilLogout() {
        ConsoleSession s = store.open("alice", Set.of("viewer"), new Subject(), Limits.DEFAULT);
        assertEquals("alice", store.find(s.token(), Limits.DEFAULT).orElseThrow().user());
        store.close(s.token());
        assertTrue(store.find(s.token(), Limits.DEFAULT).isEmpty());
    }

    @Test
    void tokensAreLongAndDistinct() {
        ConsoleSession a = store.open("alice", Set.of("viewer"), new Subject(), Limits.DEFAULT);
        ConsoleSession b = store.open("alice", Set.of("viewer"), new Subject(), Limits.DEFAULT);
        assertNotEquals(a.token(), b.token());
        assertEquals(43, a.token().length(), "32 random bytes, base64url");
    }

    @Test
    void anIdleSessionEndsAndARequestKeepsItAlive() {
        ConsoleSession s = store.open("alice", Set.of("viewer"), new Subject(), Limits.DEFAULT);
        clock.advance(Duration.ofMinutes(9));
        assertTrue(store.find(s.token(), Limits.DEFAULT).isPresent());
        clock.advance(Duration.ofMinutes(9));
        assertTrue(store.find(s.token(), Limits.DEFAULT).isPresent(), "seen 9 min ago");
        clock.advance(Duration.ofMinutes(10));
        assertTrue(store.find(s.token(), Limits.DEFAULT).isEmpty(), "idle 10 min");
        assertEquals(0, store.size());
    }

    @Test
    void aSessionInUseEndsAtItsMaximumAge() {
        ConsoleSession s = store.open("alice", Set.of("viewer"), new Subject(), Limits.DEFAULT);
        for (int i = 0; i < 11; i++) {
            clock.advance(Duration.ofMinutes(5));
            assertTrue(store.find(s.token(), Limits.DEFAULT).isPresent());
        }
        clock.advance(Duration.ofMinutes(5));
        assertTrue(store.find(s.token(), Limits.DEFAULT).isEmpty(), "an hour after its login");
    }

    @Test
    void unknownAndMissingTokensFindNothing() {
        store.open("alice", Set.of("viewer"), new Subject(), Limits.DEFAULT);
        assertTrue(store.find(null, Limits.DEFAULT).isEmpty());
        assertTrue(store.find("", Limits.DEFAULT).isEmpty());
        assertTrue(store.find("forged-token", Limits.DEFAULT).isEmpty());
    }

    @Test
    void beyondCapacityTheLongestIdleSessionEnds() {
        ConsoleSession first = store.open("a", Set.of("viewer"), new Subject(), Limits.DEFAULT);
        clock.advance(Duration.ofSeconds(1));
        ConsoleSession second = store.open("b", Set.of("viewer"), new Subject(), Limits.DEFAULT);
        clock.advance(Duration.ofSeconds(1));
        store.open("c", Set.of("viewer"), new Subject(), Limits.DEFAULT);
        clock.advance(Duration.ofSeconds(1));
        store.find(first.token(), Limits.DEFAULT);
        store.open("d", Set.of("viewer"), new Subject(), Limits.DEFAULT);
        assertEquals(3, store.size());
        assertTrue(store.find(first.token(), Limits.DEFAULT).isPresent());
        assertTrue(store.find(second.token(), Limits.DEFAULT).isEmpty());
    }
}
