package org.fcredirect.monitor.impl;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.fcredirect.monitor.api.HealthCheck;
import org.fcredirect.monitor.api.HealthResult;

/**
 * One run of a check: submitted to the worker pool, with a deadline on the scheduler. Whichever
 * comes first, the check's answer or the deadline, is the run's outcome; the other is ignored.
 * At the deadline a run that is executing is interrupted, and one still queued (every worker busy)
 * is dropped without ever starting.
 */
final class CheckRun implements Runnable {
    private static final int QUEUED = 0;
    private static final int EXECUTING = 1;
    private static final int ABANDONED = 2;

    private final CheckRunner runner;
    private final HealthCheck check;
    private final ExecutorService pool;
    private final Duration timeout;
    private final Instant submitted;
    private final AtomicInteger phase = new AtomicInteger(QUEUED);
    private final AtomicBoolean reported = new AtomicBoolean();
    private volatile Future<?> future;
    private volatile Scheduler.Cancellable deadline;

    CheckRun(CheckRunner runner, HealthCheck check, ExecutorService pool, Duration timeout, Instant submitted) {
        this.runner = runner;
        this.check = check;
        this.pool = pool;
        this.timeout = timeout;
        this.submitted = submitted;
    }

    Instant submitted() {
        return submitted;
    }

    void submit(Scheduler scheduler) {
        try {
            future = pool.submit(this);
        } catch (RejectedExecutionException e) {
            runner.finished(this);  // the monitor is stopping
            return;
        }
        deadline = scheduler.after(timeout, this::deadlinePassed);
        if (reported.get()) {
            deadline.cancel();  // answered before the deadline was even set
        }
    }

    @Override
    public void run() {
        if (!phase.compareAndSet(QUEUED, EXECUTING)) {
            return;
        }
        try {
            HealthResult result = check.check();
            report(result != null ? result : HealthResult.unhealthy("the check returned no result"));
        } catch (InterruptedException e) {
            report(HealthResult.unhealthy("interrupted"));
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            // LinkageError: the providing bundle was refreshed under the check
            report(HealthResult.unhealthy(describe(e)));
        } finally {
            runner.finished(this);
        }
    }

    private void deadlinePassed() {
        if (phase.compareAndSet(QUEUED, ABANDONED)) {
            dropFromQueue();
            runner.finished(this);
            int workers = pool instanceof ThreadPoolExecutor tpe ? tpe.getMaximumPoolSize() : 1;
            report(HealthResult.unhealthy("not started within " + timeout.toMillis() + " ms: all " + workers
                    + " check workers are busy"));
        } else {
            report(HealthResult.unhealthy("timed out after " + timeout.toMillis() + " ms"));
            future.cancel(true);
        }
    }

    /** The check is being withdrawn: drop or interrupt this run, and report nothing. */
    void abandon() {
        reported.set(true);
        Scheduler.Cancellable d = deadline;
        if (d != null) {
            d.cancel();
        }
        Future<?> f = future;
        if (phase.compareAndSet(QUEUED, ABANDONED)) {
            if (f != null) {
                dropFromQueue();
            }
            runner.finished(this);
        } else if (f != null) {
            f.cancel(true);
        }
    }

    /** A run that never started leaves the queue now, not when a hung worker frees up. */
    private void dropFromQueue() {
        Future<?> f = future;
        f.cancel(false);
        if (pool instanceof ThreadPoolExecutor tpe && f instanceof Runnable queued) {
            tpe.remove(queued);
        }
    }

    private void report(HealthResult result) {
        if (!reported.compareAndSet(false, true)) {
            return;
        }
        Scheduler.Cancellable d = deadline;
        if (d != null) {
            d.cancel();
        }
        runner.record(result);
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + m;
    }
}
