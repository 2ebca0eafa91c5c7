package org.fcredirect.fastpath.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void anInterruptedThreadStillParksAndKeepsItsInterrupt() {
        Backoff backoff = new Backoff();
        int rounds = 1_000;
        Thread.currentThread().interrupt();
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < rounds; i++) {
                backoff.idle(false);
            }
        } finally {
            long elapsed = System.nanoTime() - t0;
            boolean kept = Thread.interrupted();
            assertTrue(kept, "the interrupt stays for the loop's owner");
            // about 900 parks of 100 µs; a spinning loop takes well under a millisecond
            assertTrue(elapsed >= TimeUnit.MILLISECONDS.toNanos(50), "1000 idle rounds took only " + elapsed + " ns");
        }
    }

    @Test
    void aWorkerWithoutSourcesRestsInLongParks() {
        assertRests(false);
    }

    @Test
    void anInterruptedWorkerWithoutSourcesStillRestsAndKeepsItsInterrupt() {
        assertRests(true);
    }

    private static void assertRests(boolean interrupted) {
        Backoff backoff = new Backoff();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < 100; i++) {
                backoff.idle(true);
            }
        } finally {
            long elapsed = System.nanoTime() - t0;
            assertEquals(interrupted, Thread.interrupted(), "the interrupt stays for the loop's owner");
            // 20 rests of 10 ms; the same rounds of an attended loop take about 2 ms
            assertTrue(elapsed >= TimeUnit.MILLISECONDS.toNanos(100), "100 idle rounds took only " + elapsed + " ns");
        }
    }
}
