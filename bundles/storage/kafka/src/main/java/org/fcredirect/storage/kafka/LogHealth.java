package org.fcredirect.storage.kafka;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the log can write now and, if not, why. Logs one line per change of state, not one per
 * failed append, so an outage reads as "down: reason" then "up again".
 */
final class LogHealth {
    private static final Logger LOG = LoggerFactory.getLogger(LogHealth.class);

    private final String name;
    private final Clock clock;
    private final AtomicLong failedAppends = new AtomicLong();
    private boolean ready;
    private boolean faulted;
    private String lastError;
    private Instant lastErrorAt;
    private int brokers;

    LogHealth(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
    }

    synchronized void ready(int brokerCount) {
        brokers = brokerCount;
        if (!ready || faulted) {
            LOG.info("Kafka event log ready: {} ({} brokers)", name, brokerCount);
        }
        ready = true;
        faulted = false;
        notifyAll();
    }

    /**
     * Waits until the topics are checked and the producer is connected, at most {@code millis}.
     *
     * @return whether it is
     */
    synchronized boolean awaitReady(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        long left = millis;
        while (!ready && left > 0) {
            wait(left);
            left = (deadline - System.nanoTime()) / 1_000_000L;
        }
        return ready;
    }

    /** Writes work again after a failure that did not need a new connection. */
    synchronized void writing() {
        if (faulted) {
            LOG.info("Kafka event log writing again: {}", name);
        }
        faulted = false;
    }

    /** @param disconnected the producer is gone: nothing can be written until it is made again */
    synchronized void fault(String reason, boolean disconnected) {
        if (!faulted || !reason.equals(lastError)) {
            LOG.error("Kafka event log failing: {}: {}", name, reason);
        }
        faulted = true;
        lastError = reason;
        lastErrorAt = clock.instant();
        if (disconnected) {
            ready = false;
        }
    }

    void failed(int events) {
        failedAppends.addAndGet(events);
    }

    long failedAppends() {
        return failedAppends.get();
    }

    synchronized boolean ready() {
        return ready;
    }

    synchronized boolean faulted() {
        return faulted;
    }

    /** Why appends fail now, or null when they do not. */
    synchronized String refusal() {
        return ready ? null : lastError;
    }

    synchronized String lastError() {
        return lastError;
    }

    synchronized Instant lastErrorAt() {
        return lastErrorAt;
    }

    synchronized int brokers() {
        return brokers;
    }
}
