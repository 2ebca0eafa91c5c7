package org.fcredirect.monitor.impl;

import java.time.Duration;

/** Runs tasks after a delay: the monitor's only notion of time passing, so tests can drive it. */
interface Scheduler {

    /** Runs {@code task} once, after {@code delay}, on the scheduler's thread. */
    Cancellable after(Duration delay, Runnable task);

    /** A scheduled task that has not run yet can be cancelled; cancelling later does nothing. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
