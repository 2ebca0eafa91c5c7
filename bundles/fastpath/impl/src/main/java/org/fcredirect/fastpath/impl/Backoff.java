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
 *
 * <p>A worker with no frame source attached rests instead, up to 10 ms a time, and is woken by
 * whatever gives it work (a source attached, a rule update): the 100 µs parks of two idle workers
 * took 29 % of a core, which a 2-core machine takes from everything else, Karaf's boot included.
 */
final class Backoff {
    private static final int SPINS = 64;
    private static final int YIELDS = 16;
    private static final long MIN_PARK_NANOS = 10_000;
    private static final long MAX_PARK_NANOS = 100_000;
    private static final long REST_NANOS = 10_000_000;

    private int idleRounds;
    private long parkNanos = MIN_PARK_NANOS;

    /** @param unattended no frame source can bring work: rest until woken, or {@value #REST_NANOS} ns */
    void idle(boolean unattended) {
        if (idleRounds < SPINS) {
            Thread.onSpinWait();
        } else if (idleRounds < SPINS + YIELDS) {
            Thread.yield();
        } else if (unattended) {
            rest();
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

    /**
     * One park, which an unpark ends early. An interrupt leaves a permit that would end every park
     * at once, so an interrupted thread pauses to the deadline instead.
     */
    private static void rest() {
        if (Thread.currentThread().isInterrupted()) {
            pause(REST_NANOS);
        } else {
            LockSupport.parkNanos(REST_NANOS);
        }
    }

    void reset() {
        idleRounds = 0;
        parkNanos = MIN_PARK_NANOS;
    }
}
