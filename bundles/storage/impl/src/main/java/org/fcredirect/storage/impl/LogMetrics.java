package org.fcredirect.storage.impl;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.fcredirect.storage.api.LatencySummary;

/** The writer's figures and the log's fault state, for the status. Written by the writer thread. */
final class LogMetrics {
    private final RateMeter appends = new RateMeter();
    private final LatencyRecorder forces;
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong forceCount = new AtomicLong();
    private final AtomicLong eventsWritten = new AtomicLong();
    private final AtomicLong failedAppends = new AtomicLong();

    private volatile boolean faulted;
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    LogMetrics(long nowNanos) {
        forces = new LatencyRecorder(TimeUnit.MINUTES.toNanos(1), nowNanos);
    }

    void written(int events, long nowNanos) {
        writes.incrementAndGet();
        eventsWritten.addAndGet(events);
        appends.record(events, nowNanos);
        faulted = false;
    }

    void forced(long nanos, long nowNanos) {
        forceCount.incrementAndGet();
        forces.record(TimeUnit.NANOSECONDS.toMicros(nanos), nowNanos);
    }

    /** An error that failed appends; the log stays faulted until a write succeeds. */
    void appendsFailed(int events, String error, Instant at) {
        failedAppends.addAndGet(events);
        faulted = true;
        error(error, at);
    }

    /** An error met outside appends (a read, a snapshot, compaction): remembered, not a fault. */
    void error(String error, Instant at) {
        lastErrorAt = at;
        lastError = error;
    }

    double appendsPerSecond(long nowNanos) {
        return appends.perSecond(nowNanos);
    }

    LatencySummary forceLatency() {
        return forces.summary();
    }

    long writes() {
        return writes.get();
    }

    long forces() {
        return forceCount.get();
    }

    long eventsWritten() {
        return eventsWritten.get();
    }

    long failedAppends() {
        return failedAppends.get();
    }

    boolean faulted() {
        return faulted;
    }

    String lastError() {
        return lastError;
    }

    Instant lastErrorAt() {
        return lastErrorAt;
    }
}
