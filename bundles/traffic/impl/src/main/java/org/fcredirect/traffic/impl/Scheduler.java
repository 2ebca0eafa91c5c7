package org.fcredirect.traffic.impl;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs tasks after a delay, off the workers: the only notion of time of the appliance heartbeats, so tests can drive it. */
interface Scheduler {

    /** Runs {@code task} once, after {@code delay}, on the scheduler's thread. */
    Cancellable after(Duration delay, Runnable task);

    /** A scheduled task that has not run yet can be cancelled; cancelling later does nothing. */
    @FunctionalInterface
    interface Cancellable {
        Cancellable NONE = () -> { };

        void cancel();
    }

    /** A scheduler on one daemon thread, started with the first task. */
    final class OnThread implements Scheduler, AutoCloseable {
        private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

        private final ScheduledThreadPoolExecutor executor;

        OnThread(String threadName) {
            executor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
            executor.setRemoveOnCancelPolicy(true);
        }

        @Override
        public Cancellable after(Duration delay, Runnable task) {
            try {
                ScheduledFuture<?> f = executor.schedule(() -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.error("Fast path timer task failed", e);
                    }
                }, delay.toNanos(), TimeUnit.NANOSECONDS);
                return () -> f.cancel(false);
            } catch (RejectedExecutionException e) {
                return Cancellable.NONE;  // closed: nothing runs any more
            }
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
