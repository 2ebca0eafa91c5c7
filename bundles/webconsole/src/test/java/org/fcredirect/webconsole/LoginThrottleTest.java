package org.fcredirect.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final LoginThrottle throttle = new LoginThrottle(4);
    private Instant now = Instant.parse("2026-12-03T12:00:00Z");

    /** One attempt that fails; whether it was admitted. */
    private boolean failedAttempt(String user) {
        boolean admitted = throttle.admit(user, now, Limits.DEFAULT).isEmpty();
        if (admitted) {
            throttle.failed(user, now, Limits.DEFAULT);
        }
        return admitted;
    }

    @Test
    void failuresInARowLockTheNameOutForTheLockout() {
        assertTrue(failedAttempt("alice"));
        assertTrue(failedAttempt("alice"));
        assertTrue(failedAttempt("alice"), "the third is admitted, and locks");
        assertEquals(Duration.ofSeconds(60), throttle.admit("alice", now, Limits.DEFAULT).orElseThrow());
        assertTrue(throttle.admit("bob", now, Limits.DEFAULT).isEmpty(), "another name is not locked");
        now = now.plusSeconds(59);
        assertEquals(Duration.ofSeconds(1), throttle.admit("alice", now, Limits.DEFAULT).orElseThrow());
        now = now.plusSeconds(1);
        assertTrue(throttle.admit("alice", now, Limits.DEFAULT).isEmpty());
    }

    @Test
    void attemptsSentAtOnceCannotOutrunTheLimit() {
        for (int i = 0; i < 3; i++) {
            assertTrue(throttle.admit("alice", now, Limits.DEFAULT).isEmpty(), "attempt " + i);
        }
        assertTrue(throttle.admit("alice", now, Limits.DEFAULT).isPresent(), "the fourth, before any answer, is refused");
    }

    @Test
    void aSuccessEndsTheRunAndLiftsTheLockItsAttemptSet() {
        failedAttempt("alice");
        failedAttempt("alice");
        assertTrue(throttle.admit("alice", now, Limits.DEFAULT).isEmpty());
        throttle.succeeded("alice");
        assertTrue(failedAttempt("alice"));
        assertTrue(failedAttempt("alice"));
        assertTrue(throttle.admit("alice", now, Limits.DEFAULT).isEmpty());
    }

    @Test
    void failuresFurtherApartThanTheLockoutDoNotAddUp() {
        for (int i = 0; i < 5; i++) {
            assertTrue(failedAttempt("alice"));
            now = now.plusSeconds(61);
        }
    }

    @Test
    void whenTooManyNamesAreFailingEveryNewNameIsRefused() {
        for (String name : new String[] {"a", "b", "c", "d"}) {
            failedAttempt(name);
        }
        assertTrue(throttle.admit("e", now, Limits.DEFAULT).isPresent(), "fail-closed while the table is full");
        assertTrue(throttle.admit("a", now, Limits.DEFAULT).isEmpty(), "a name already tracked goes on");
        now = now.plusSeconds(61);
        assertTrue(throttle.admit("e", now, Limits.DEFAULT).isEmpty(), "old failures are forgotten");
    }

    @Test
    void aNameGoesToTheLogWithoutControlCharacters() {
        assertEquals("a?b?c", LoginThrottle.printable("a\nb\u0007c"));
        assertEquals(64, LoginThrottle.printable("x".repeat(300)).length());
    }
}
