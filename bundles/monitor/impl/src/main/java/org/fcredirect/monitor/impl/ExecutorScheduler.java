package org.fcredirect.monitor.impl;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Scheduler} on one thread. Its tasks only take timing decisions and hand work to other
 * executors, so one thread keeps every check's interval and timeout however many checks hang.
 */
final class ExecutorScheduler implements Scheduler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorScheduler.class);

    private final ScheduledThreadPoolExecutor executor;

    ExecutorScheduler(String threadName) {
        executor = new ScheduledThreadPoolExecutor(1, MonitorThreads.daemon(threadName));
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Cancellable after(Duration delay, Runnable task) {
        try {
            ScheduledFuture<?> f = executor.schedule(() -> runLogged(task), delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException e) {
            return () -> { };  // shutting down: nothing will run any more
        }
    }

    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("Monitor timer task failed", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
