package org.fcredirect.fastpath.impl;

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
                backoff.idle();
            }
        } finally {
            long elapsed = System.nanoTime() - t0;
            boolean kept = Thread.interrupted();
            assertTrue(kept, "the interrupt stays for the loop's owner");
            // about 900 parks of 100 µs; a spinning loop takes well under a millisecond
            assertTrue(elapsed >= TimeUnit.MILLISECONDS.toNanos(50), "1000 idle rounds took only " + elapsed + " ns");
        }
    }
}
