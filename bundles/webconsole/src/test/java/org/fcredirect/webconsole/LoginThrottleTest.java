package org.fcredirect.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final LoginThrottle throttle = new LoginThrottle(4);
    private Instant now = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void failuresInARowLockTheNameOutForTheLockout() {
        throttle.failed("alice", now, Limits.DEFAULT);
        throttle.failed("alice", now, Limits.DEFAULT);
        assertTrue(throttle.lockedFor("alice", now, Limits.DEFAULT).isEmpty());
        throttle.failed("alice", now, Limits.DEFAULT);
        assertEquals(Duration.ofSeconds(60), throttle.lockedFor("alice", now, Limits.DEFAULT).orElseThrow());
        assertTrue(throttle.lockedFor("bob", now, Limits.DEFAULT).isEmpty(), "another name is not locked");
        now = now.plusSeconds(59);
        assertEquals(Duration.ofSeconds(1), throttle.lockedFor("alice", now, Limits.DEFAULT).orElseThrow());
        now = now.plusSeconds(1);
        assertTrue(throttle.lockedFor("alice", now, Limits.DEFAULT).isEmpty());
    }

    @Test
    void aSuccessEndsTheRun() {
        throttle.failed("alice", now, Limits.DEFAULT);
        throttle.failed("alice", now, Limits.DEFAULT);
        throttle.succeeded("alice");
        throttle.failed("alice", now, Limits.DEFAULT);
        throttle.failed("alice", now, Limits.DEFAULT);
        assertTrue(throttle.lockedFor("alice", now, Limits.DEFAULT).isEmpty());
    }

    @Test
    void failuresFurtherApartThanTheLockoutDoNotAddUp() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("alice", now, Limits.DEFAULT);
            now = now.plusSeconds(61);
        }
        assertTrue(throttle.lockedFor("alice", now, Limits.DEFAULT).isEmpty());
    }

    @Test
    void whenTooManyNamesAreFailingEveryNewNameIsRefused() {
        for (String name : new String[] {"a", "b", "c", "d"}) {
            throttle.failed(name, now, Limits.DEFAULT);
        }
        assertTrue(throttle.lockedFor("e", now, Limits.DEFAULT).isPresent(), "fail-closed while the table is full");
        now = now.plusSeconds(61);
        assertTrue(throttle.lockedFor("e", now, Limits.DEFAULT).isEmpty(), "old failures are forgotten");
    }

    @Test
    void aNameGoesToTheLogWithoutControlCharacters() {
        assertEquals("a?b?c", LoginThrottle.printable("a\nb\u0007c"));
        assertEquals(64, LoginThrottle.printable("x".repeat(300)).length());
    }
}
