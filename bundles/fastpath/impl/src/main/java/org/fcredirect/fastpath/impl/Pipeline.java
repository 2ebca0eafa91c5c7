package org.fcredirect.fastpath.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.fcredirect.fastpath.api.DefaultDecision;
import org.fcredirect.fastpath.api.FastPathSettings;

/**
 * The workers of one set of structural settings, with their control queues, stats channels and
 * the lanes of the attached frame sources. Built whole from settings; replaced whole (rules and
 * pending counters carried over by {@link #rebuild}) when the worker count or a queue size changes.
 */
final class Pipeline {
    private static final int EXPECTED_RULES = 1024;

    final FastPathSettings settings;
    final Worker[] workers;
    private final StatsChannel[] channels;
    private final PuntChannel[] punts;
    private final Object attachLock = new Object();
    private int sources;
    private volatile boolean stopped;

    Pipeline(FastPathSettings settings) {
        this.settings = settings;
        int n = settings.workers();
        workers = new Worker[n];
        channels = new StatsChannel[n];
        punts = new PuntChannel[n];
        boolean drop = settings.defaultDecision() == DefaultDecision.DROP;
        for (int i = 0; i < n; i++) {
            channels[i] = new StatsChannel(i, settings.statsQueueSize());
            punts[i] = new PuntChannel(i, PuntChannel.SLOTS);
            FrameProcessor p = new FrameProcessor(new RuleTable(EXPECTED_RULES),
                    new ExchangeTable(settings.exchangeTableSize()), channels[i], punts[i]);
            workers[i] = new Worker(i, p, settings.controlQueueSize(), settings.statsIntervalMillis(), drop);
        }
    }

    void start() {
        for (Worker w : workers) {
            w.start("fastpath-worker-" + w.index);
        }
    }

    /** Stops every worker; false when one did not end in time (it is left as a daemon). */
    boolean stop(long timeoutMillis) throws InterruptedException {
        stopped = true;
        boolean all = true;
        for (Worker w : workers) {
            all &= w.stop(timeoutMillis);
        }
        return all;
    }

    boolean stopped() {
        return stopped;
    }

    /** The workers whose thread still runs; after {@link #stop} these are the stuck ones. */
    List<Integer> running() {
        List<Integer> alive = new ArrayList<>();
        for (Worker w : workers) {
            if (w.alive()) {
                alive.add(w.index);
            }
        }
        return alive;
    }

    StatsChannel[] channels() {
        return channels.clone();
    }

    PuntChannel[] punts() {
        return punts.clone();
    }

    /** Gives a new frame source one lane per worker. */
    Lane[] attach(String source, int batchesPerLane) {
        synchronized (attachLock) {
            if (stopped) {
                throw new IllegalStateException("the fast path is stopped");
            }
            Lane[] lanes = new Lane[workers.length];
            for (Worker w : workers) {
                lanes[w.index] = new Lane(source, w.index, batchesPerLane);
                Lane[] now = Arrays.copyOf(w.lanes(), w.lanes().length + 1);
                now[now.length - 1] = lanes[w.index];
                w.lanes(now);
            }
            sources++;
            return lanes;
        }
    }

    void detach(Lane[] lanes) {
        synchronized (attachLock) {
            for (Worker w : workers) {
                Lane gone = lanes[w.index];
                w.lanes(Arrays.stream(w.lanes()).filter(l -> l != gone).toArray(Lane[]::new));
            }
            sources--;
        }
    }

    int sources() {
        synchronized (attachLock) {
            return sources;
        }
    }

    /** Queues one update per worker, waiting while a control queue is full; never drops one. */
    void control(RuleUpdate[] updates) {
        for (Worker w : workers) {
            Backoff backoff = new Backoff();
            while (!w.control.offer(updates[w.index])) {
                if (stopped) {
                    throw new IllegalStateException("the fast path stopped before it could take rule batch "
                            + updates[w.index].generation);
                }
                backoff.idle(false);
            }
            w.wake();
        }
    }

    /** Whether every worker applied the update of {@code sequence} (and those before it). */
    boolean applied(long sequence) {
        for (Worker w : workers) {
            if (w.appliedSequence() < sequence) {
                return false;
            }
        }
        return true;
    }

    void assumeApplied(long sequence, long generation) {
        for (Worker w : workers) {
            w.assumeApplied(sequence, generation);
        }
    }

    void defaultDecision(DefaultDecision d) {
        for (Worker w : workers) {
            w.defaultDrop(d == DefaultDecision.DROP);
        }
    }

    void statsInterval(long millis) {
        for (Worker w : workers) {
            w.statsInterval(millis);
        }
    }

    /**
     * A stopped pipeline's rules and uncollected counters, moved into a new pipeline of other
     * settings (not started). Rules are sharded again; counters are settled per flow and shipped by
     * the new worker 0; open exchanges are given up. The old stats channels keep what they hold
     * until it is drained.
     */
    static Pipeline rebuild(Pipeline old, FastPathSettings next) {
        Pipeline p = new Pipeline(next);
        int n = p.workers.length;
        for (Worker w : old.workers) {
            w.processor.rules.forEachRule((flow, key, lun, value) -> p.workers[Keys.shard(Keys.vsan(key),
                    Keys.sid(key), Keys.did(key), n)].processor.rules.add(flow, key, lun, value));
        }
        RetiredDeltas carried = p.workers[0].processor.rules.retired;
        for (Worker w : old.workers) {
            w.processor.settleAll();
            carried.addAll(w.processor.rules.retired);
        }
        return p;
    }
}
