package org.fcredirect.stats.impl;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drain thread: drains back to back while batches come back full, otherwise waits up to the
 * max wait (or until woken by a new source or setting) before the next drain.
 */
final class DrainLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(DrainLoop.class);
    private static final long STOP_TIMEOUT_MILLIS = 10_000;

    /** One round of work. */
    interface Round {
        /** Drains once and does the periodic work; returns whether to go again at once. */
        boolean run();

        int maxWaitMillis();
    }

    private final Round round;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean stopping;
    private Thread thread;

    DrainLoop(Round round) {
        this.round = round;
    }

    void start(String name) {
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
    }

    boolean running() {
        Thread t = thread;
        return t != null && t.isAlive() && !stopping;
    }

    /** Stops the thread and waits for the round in progress to finish. */
    void stop() {
        stopping = true;
        wake();
        try {
            thread.join(STOP_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("stats drain thread did not stop within {} ms", STOP_TIMEOUT_MILLIS);
        }
    }

    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    @Override
    public void run() {
        while (!stopping) {
            boolean again;
            try {
                again = round.run();
            } catch (RuntimeException e) {
                // A bug in a round must not end the drain: the next round tries again.
                LOG.error("stats drain round failed", e);
                again = false;
            }
            if (!again) {
                await(round.maxWaitMillis());
            }
        }
    }

    private void await(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (signal) {
            long left;
            while (!woken && !stopping && (left = deadline - System.nanoTime()) > 0) {
                try {
                    signal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopping = true;
                }
            }
            woken = false;
        }
    }
}
