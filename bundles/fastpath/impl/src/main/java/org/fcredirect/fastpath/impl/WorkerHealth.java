package org.fcredirect.fastpath.impl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.fcredirect.monitor.api.HealthResult;

/**
 * The {@code fastpath} health check's judgement of the workers, from figures they already publish:
 * unhealthy when a started worker's thread has ended, or when its loop counter has not moved for
 * {@link #STALL_NANOS} while frame batches or rule updates wait for it. The loop counter moves
 * every round, idle or busy, so a still counter means a blocked loop, not a quiet one; requiring
 * input keeps a descheduled idle worker on a busy machine from being called stuck. Reads opaque
 * counters and ring sizes only: it never waits for a worker or for the control lock.
 */
final class WorkerHealth {
    /** A worker loop that has input and has not moved for this long is stuck (the monitor warns after one second too). */
    static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** What the check reads of one worker. */
    interface Probe {
        int index();

        String threadName();

        /** Its thread was started (a pipeline being built has none yet). */
        boolean started();

        boolean alive();

        /** Rounds of its loop so far. */
        long loops();

        /** Frames taken from its rings so far. */
        long frames();

        /** Frame batches waiting in its rings. */
        int ringDepth();

        int ringCapacity();

        /** Rule updates waiting for it. */
        int controlDepth();

        long faults();
    }

    private final LongSupplier nanoClock;
    /** The pipeline the figures below belong to; a rebuilt pipeline starts over. */
    private Object seen;
    private long[] lastLoops = new long[0];
    private long[] lastAdvance = new long[0];

    WorkerHealth(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * @param pipeline identifies the workers' pipeline, so counters of a replaced one are not compared
     * @param stopped the pipeline is stopping (a rebuild or deactivation): its workers end on purpose
     */
    synchronized HealthResult check(Object pipeline, boolean stopped, List<? extends Probe> workers) {
        long now = nanoClock.getAsLong();
        int n = workers.size();
        if (pipeline != seen || lastLoops.length != n) {
            seen = pipeline;
            lastLoops = new long[n];
            lastAdvance = new long[n];
            for (int i = 0; i < n; i++) {
                lastLoops[i] = workers.get(i).loops();
                lastAdvance[i] = now;
            }
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("workers", Integer.toString(n));
        long frames = 0;
        int ring = 0;
        int capacity = 0;
        int starting = 0;
        StringBuilder dead = new StringBuilder();
        StringBuilder stuck = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Probe w = workers.get(i);
            long loops = w.loops();
            if (loops != lastLoops[i]) {
                lastLoops[i] = loops;
                lastAdvance[i] = now;
            }
            long idleNanos = now - lastAdvance[i];
            int depth = w.ringDepth();
            int control = w.controlDepth();
            frames += w.frames();
            ring += depth;
            capacity += w.ringCapacity();
            String state;
            if (!w.started()) {
                starting++;
                state = "starting";
            } else if (!w.alive()) {
                state = "DEAD";
                append(dead, w.index() + " (" + w.threadName() + ")");
            } else if (idleNanos >= STALL_NANOS && (depth > 0 || control > 0)) {
                state = "STUCK";
                append(stuck, w.index() + " (" + millis(idleNanos) + " ms, " + depth + " batches and " + control
                        + " rule updates waiting)");
            } else {
                state = "alive";
            }
            details.put("worker." + w.index(), state + ", frames " + w.frames() + ", ring " + depth + "/"
                    + w.ringCapacity() + ", control " + control + ", last advance " + millis(idleNanos) + " ms ago, faults "
                    + w.faults());
        }
        details.put("frames", Long.toString(frames));
        details.put("ring", ring + "/" + capacity);
        if (stopped) {
            return HealthResult.healthy("pipeline stopping (rebuild or shutdown): its workers end on purpose", details);
        }
        if (dead.length() > 0) {
            return HealthResult.unhealthy("worker thread ended: " + dead + "; its shard's frames are no longer processed",
                    details);
        }
        if (stuck.length() > 0) {
            return HealthResult.unhealthy("worker loop stuck with input waiting: " + stuck, details);
        }
        if (starting > 0) {
            return HealthResult.healthy(starting + " of " + n + " workers starting", details);
        }
        return HealthResult.healthy(n + " workers advancing, " + frames + " frames", details);
    }

    private static void append(StringBuilder b, String s) {
        if (b.length() > 0) {
            b.append(", ");
        }
        b.append(s);
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
