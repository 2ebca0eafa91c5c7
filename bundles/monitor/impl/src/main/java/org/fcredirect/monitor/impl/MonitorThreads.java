package org.fcredirect.monitor.impl;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The monitor's time and threads, kept apart so that nothing slow can hold up what is urgent:
 * the scheduler only times; checks run on a bounded worker pool; appliance failover (blocking
 * calls into the flow manager) and failover handlers (foreign code) each have one thread.
 *
 * @param checkWorkers runs the checks; at most one run per check is queued or running at a time,
 *        so its queue is bounded by the number of checks
 * @param failover calls the appliance inventory, one call at a time, in transition order
 * @param handlers calls the failover handlers, one at a time, in transition order
 */
record MonitorThreads(Clock clock, Scheduler scheduler, ExecutorService checkWorkers, Executor failover,
        Executor handlers, Runnable shutdown) {

    static MonitorThreads start(int workers) {
        ExecutorScheduler scheduler = new ExecutorScheduler("fcr-monitor-timer");
        ThreadPoolExecutor checks = checkPool(workers, daemon("fcr-monitor-check"));
        ExecutorService failover = Executors.newSingleThreadExecutor(daemon("fcr-monitor-failover"));
        ExecutorService handlers = Executors.newSingleThreadExecutor(daemon("fcr-monitor-handlers"));
        Runnable shutdown = () -> {
            scheduler.close();
            checks.shutdownNow();
            failover.shutdownNow();
            handlers.shutdownNow();
        };
        return new MonitorThreads(Clock.systemUTC(), scheduler, checks, failover, handlers, shutdown);
    }

    /** A fixed-size pool whose idle threads end, so a quiet monitor holds no check thread. */
    static ThreadPoolExecutor checkPool(int workers, ThreadFactory threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Resizes the check pool, when it is one. */
    void checkWorkers(int workers) {
        if (checkWorkers instanceof ThreadPoolExecutor pool && pool.getMaximumPoolSize() != workers) {
            if (workers > pool.getMaximumPoolSize()) {
                pool.setMaximumPoolSize(workers);
                pool.setCorePoolSize(workers);
            } else {
                pool.setCorePoolSize(workers);
                pool.setMaximumPoolSize(workers);
            }
        }
    }

    static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops every thread; running checks are interrupted. */
    void close() {
        shutdown.run();
    }
}
