package org.fcredirect.fastpath.impl;

import java.util.concurrent.locks.LockSupport;

/**
 * What an idle loop does: spin briefly (a batch often follows soon), then yield, then park for
 * growing pauses up to 100 µs, so idle workers on a shared machine leave the cores alone (about
 * 10 000 wake-ups a second) yet pick a burst up within a tenth of a millisecond.
 *
 * <p>A park returns at once while the thread's interrupt flag is set (and once more after the
 * flag is set again, as an interrupt also unparks), so an interrupted loop would spin a core
 * forever: the pause parks until its deadline with the flag taken down and puts it back after,
 * for the owner to act on.
 */
final class Backoff {
    private static final int SPINS = 64;
    private static final int YIELDS = 16;
    private static final long MIN_PARK_NANOS = 10_000;
    private static final long MAX_PARK_NANOS = 100_000;

    private int idleRounds;
    private long parkNanos = MIN_PARK_NANOS;

    void idle() {
        if (idleRounds < SPINS) {
            Thread.onSpinWait();
        } else if (idleRounds < SPINS + YIELDS) {
            Thread.yield();
        } else {
            pause(parkNanos);
            parkNanos = Math.min(MAX_PARK_NANOS, parkNanos * 2);
        }
        idleRounds++;
    }

    private static void pause(long nanos) {
        long deadline = System.nanoTime() + nanos;
        boolean interrupted = Thread.interrupted();
        for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    void reset() {
        idleRounds = 0;
        parkNanos = MIN_PARK_NANOS;
    }
}
