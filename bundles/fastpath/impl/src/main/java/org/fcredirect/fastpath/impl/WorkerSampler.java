package org.fcredirect.fastpath.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the workers once a second: frames per second, whether each loop advanced, a minute of
 * history; and reports, one line each, what an operator must know: each worker's OS thread id
 * when it starts, failures a worker survived, a worker that stopped advancing, rules in conflict.
 * Workers never log; this thread does it for them.
 */
final class WorkerSampler implements AutoCloseable {
    static final int HISTORY_SECONDS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(WorkerSampler.class);

    private final Supplier<Pipeline> pipeline;
    private final ScheduledExecutorService timer;
    private final long[] history = new long[HISTORY_SECONDS];
    private int historyCount;
    private Pipeline seen;
    private long[] lastReceived = new long[0];
    private long[] lastHeartbeat = new long[0];
    private long[] lastFaults = new long[0];
    private boolean[] threadReported = new boolean[0];
    private boolean[] stalled = new boolean[0];
    private volatile long[] rates = new long[0];
    private volatile boolean[] advancing = new boolean[0];
    private long lastConflicts;
    private boolean tickFailed;

    WorkerSampler(Supplier<Pipeline> pipeline) {
        this.pipeline = pipeline;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fastpath-monitor");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    synchronized void tick() {
        try {
            sample();
        } catch (RuntimeException e) {
            if (!tickFailed) {
                tickFailed = true;
                LOG.error("Fast path monitor failed; figures per second may be stale", e);
            }
        }
    }

    private void sample() {
        Pipeline p = pipeline.get();
        if (p == null) {
            return;
        }
        int n = p.workers.length;
        if (p != seen) {
            seen = p;
            lastReceived = new long[n];
            lastHeartbeat = new long[n];
            lastFaults = new long[n];
            threadReported = new boolean[n];
            stalled = new boolean[n];
            for (Worker w : p.workers) {
                lastReceived[w.index] = w.metric(Worker.RECEIVED);
                lastHeartbeat[w.index] = -1;
            }
        }
        long[] r = new long[n];
        boolean[] adv = new boolean[n];
        long total = 0;
        long conflicts = 0;
        for (Worker w : p.workers) {
            int i = w.index;
            long received = w.metric(Worker.RECEIVED);
            r[i] = received - lastReceived[i];
            lastReceived[i] = received;
            total += r[i];
            long hb = w.metric(Worker.HEARTBEAT);
            adv[i] = hb != lastHeartbeat[i];
            lastHeartbeat[i] = hb;
            report(w, adv[i]);
            conflicts += w.metric(Worker.CONFLICTS);
        }
        rates = r;
        advancing = adv;
        history[historyCount++ % HISTORY_SECONDS] = total;
        if (conflicts != lastConflicts) {
            if (conflicts > 0) {
                LOG.warn("{} match keys are held by flows whose rules disagree; their frames are dropped as"
                        + " ambiguous-rule (appliances with one fixed VT/VI pair in a VSAN cannot tell apart their flows"
                        + " to one target or from one host: the flow manager's warning and fcr:flow-show name them;"
                        + " a pool of virtual ports gives every pair its own VT and VI)", conflicts);
            } else {
                LOG.info("No conflicting rules any more");
            }
            lastConflicts = conflicts;
        }
    }

    private void report(Worker w, boolean adv) {
        int i = w.index;
        if (!threadReported[i] && w.nativeThreadId() >= 0) {
            threadReported[i] = true;
            LOG.info("Fast path worker {} runs as thread {} (OS thread id {}; pin it with taskset -pc CPU {})", i,
                    w.threadName(), w.nativeThreadId(), w.nativeThreadId());
        }
        long faults = w.metric(Worker.FAULTS);
        if (faults > lastFaults[i]) {
            Throwable last = w.processor.lastFault;
            if (lastFaults[i] == 0) {
                LOG.error("Fast path worker {} survived a failure and goes on; later ones are summed up here", i, last);
            } else {
                LOG.error("Fast path worker {} survived {} more failure(s), {} in all; the last: {}", i,
                        faults - lastFaults[i], faults, String.valueOf(last));
            }
            lastFaults[i] = faults;
        }
        boolean stuck = !adv && w.alive();
        if (stuck && !stalled[i]) {
            LOG.warn("Fast path worker {} has not advanced for a second", i);
        } else if (!stuck && stalled[i]) {
            LOG.info("Fast path worker {} advances again", i);
        }
        stalled[i] = stuck;
    }

    long framesPerSecond(int worker) {
        long[] r = rates;
        return worker < r.length ? r[worker] : 0;
    }

    long framesPerSecond() {
        return Arrays.stream(rates).sum();
    }

    boolean advancing(int worker) {
        boolean[] a = advancing;
        return worker >= a.length || a[worker];
    }

    /** Frames per second over the last minute, oldest first. */
    synchronized List<Long> history() {
        int n = Math.min(historyCount, HISTORY_SECONDS);
        List<Long> h = new ArrayList<>(n);
        for (int k = historyCount - n; k < historyCount; k++) {
            h.add(history[k % HISTORY_SECONDS]);
        }
        return h;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
