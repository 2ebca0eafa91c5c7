package org.fcredirect.fastpath.impl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

import org.fcredirect.fastpath.api.DropReason;
import org.jctools.queues.MpscArrayQueue;

/**
 * One worker thread: takes a frame batch from each of its lanes in turn, applies queued rule
 * updates first (so a batch never sees half an update and each shard has one writer), processes
 * the batch and hands it back; ships counter deltas every stats interval while busy and whenever
 * it is idle. It publishes its figures after every round for status readers and never logs: the
 * monitor reports what it sees. Nothing a frame or a source does can end its loop.
 */
final class Worker implements Runnable, WorkerHealth.Probe {
    static final int RECEIVED = 0;
    static final int PROCESSED = 1;
    static final int FORWARDED = 2;
    static final int OPEN_EXCHANGES = 3;
    static final int EVICTED_EXCHANGES = 4;
    static final int UNMATCHED_EXCHANGES = 5;
    static final int PENDING_DELTAS = 6;
    static final int RULES = 7;
    static final int CONFLICTS = 8;
    static final int FAULTS = 9;
    static final int HEARTBEAT = 10;
    static final int APPLIED_SEQUENCE = 11;
    static final int APPLIED_GENERATION = 12;
    static final int DROPS = 13;
    private static final int METRICS = DROPS + DropReason.values().length;
    private static final VarHandle LONG = MethodHandles.arrayElementVarHandle(long[].class);
    /** Rule deltas shipped per round while busy, so shipping a large table does not stall frames. */
    private static final int SHIP_BUDGET = 4096;
    /**
     * An idle worker ships at most this often: a short lull (a source preempted on a busy machine)
     * must not turn every few frames into a delta of their own.
     */
    private static final long IDLE_SHIP_NANOS = 100_000_000;

    final int index;
    final FrameProcessor processor;
    final MpscArrayQueue<RuleUpdate> control;
    private final long[] metrics = new long[METRICS];
    private volatile Lane[] lanes = new Lane[0];
    private volatile boolean running = true;
    private volatile long statsIntervalNanos;
    private volatile boolean defaultDrop;
    private volatile long nativeThreadId = -1;
    private long heartbeat;
    private long appliedSequence;
    private long appliedGeneration = -1;
    /** Volatile: health checks and status read it from other threads. */
    private volatile Thread thread;

    Worker(int index, FrameProcessor processor, int controlQueueSize, long statsIntervalMillis, boolean defaultDrop) {
        this.index = index;
        this.processor = processor;
        this.control = new MpscArrayQueue<>(Math.max(2, controlQueueSize));
        this.statsIntervalNanos = statsIntervalMillis * 1_000_000L;
        this.defaultDrop = defaultDrop;
        publish();
    }

    void start(String name) {
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Ends the loop after its current round and waits for it; updates already queued are applied. */
    boolean stop(long timeoutMillis) throws InterruptedException {
        running = false;
        if (thread == null) {
            return true;
        }
        LockSupport.unpark(thread);
        thread.join(timeoutMillis);
        return !thread.isAlive();
    }

    /** Before start, in a rebuilt pipeline: its rules came with the pipeline, up to this update. */
    void assumeApplied(long sequence, long generation) {
        appliedSequence = sequence;
        appliedGeneration = generation;
        publish();
    }

    void lanes(Lane[] now) {
        lanes = now;
        wake();
    }

    /** Ends a rest of the idle loop: work came that no frame source brings. */
    void wake() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    Lane[] lanes() {
        return lanes;
    }

    void statsInterval(long millis) {
        statsIntervalNanos = millis * 1_000_000L;
    }

    void defaultDrop(boolean drop) {
        defaultDrop = drop;
    }

    @Override
    public void run() {
        nativeThreadId = NativeThreadId.current();
        Backoff backoff = new Backoff();
        long lastShip = System.nanoTime();
        boolean shipping = false;
        while (running) {
            try {
                boolean busy = round();
                long now = System.nanoTime();
                long due = busy ? statsIntervalNanos : Math.min(statsIntervalNanos, IDLE_SHIP_NANOS);
                if (shipping || now - lastShip >= due) {
                    // a round ends when everything went or the channel is full; the rest waits a period
                    shipping = processor.pendingDeltas() > 0 && processor.ship(SHIP_BUDGET)
                            && processor.pendingDeltas() > 0;
                    if (!shipping) {
                        processor.stats.flush();
                        lastShip = now;
                    }
                }
                if (busy || shipping) {
                    backoff.reset();
                } else {
                    applyControl();
                    backoff.idle(lanes.length == 0);
                }
            } catch (Throwable t) {
                // a bug, not bad input (frames are checked, not trusted): count it and keep serving
                processor.fault(t);
                LockSupport.parkNanos(1_000_000);
            }
            heartbeat++;
            publish();
        }
        applyControl();
        publish();
    }

    /** One batch from each lane that has one; false when none had. */
    private boolean round() {
        boolean worked = false;
        for (Lane lane : lanes) {
            LaneBatch b = lane.toWorker.relaxedPoll();
            if (b == null) {
                continue;
            }
            applyControl();
            processor.defaultDrop = defaultDrop;
            try {
                processor.process(b);
            } finally {
                // the batch goes back whatever happened, or its source would wait for it forever
                if (!lane.processed.offer(b)) {
                    processor.fault(new IllegalStateException("the return ring of source " + lane.source + " is full"));
                }
            }
            worked = true;
        }
        return worked;
    }

    private void applyControl() {
        RuleUpdate u;
        while ((u = control.relaxedPoll()) != null) {
            try {
                processor.rules.apply(u);
            } catch (RuntimeException e) {
                processor.fault(e);
            }
            appliedSequence = u.sequence;
            appliedGeneration = u.generation;
        }
    }

    private void publish() {
        FrameProcessor p = processor;
        set(RECEIVED, p.received);
        set(PROCESSED, p.processed);
        set(FORWARDED, p.forwarded);
        set(OPEN_EXCHANGES, p.exchanges.open());
        set(EVICTED_EXCHANGES, p.exchanges.evicted());
        set(UNMATCHED_EXCHANGES, p.exchangesUnmatched);
        set(PENDING_DELTAS, p.pendingDeltas());
        set(RULES, p.rules.rules());
        set(CONFLICTS, p.rules.conflicts());
        set(FAULTS, p.faults);
        set(HEARTBEAT, heartbeat);
        set(APPLIED_GENERATION, appliedGeneration);
        for (int r = 0; r < p.drops.length; r++) {
            set(DROPS + r, p.drops[r]);
        }
        // last, so a reader that sees the sequence sees the figures of the rules behind it
        LONG.setRelease(metrics, APPLIED_SEQUENCE, appliedSequence);
    }

    private void set(int metric, long v) {
        LONG.setOpaque(metrics, metric, v);
    }

    long metric(int m) {
        return (long) LONG.getOpaque(metrics, m);
    }

    long appliedSequence() {
        return (long) LONG.getAcquire(metrics, APPLIED_SEQUENCE);
    }

    long[] drops() {
        long[] d = new long[DropReason.values().length];
        Arrays.setAll(d, r -> metric(DROPS + r));
        return d;
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public boolean started() {
        return thread != null;
    }

    @Override
    public boolean alive() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** Rounds of its loop so far: it moves on every round, idle or busy, unless the loop is blocked. */
    @Override
    public long loops() {
        return metric(HEARTBEAT);
    }

    @Override
    public long frames() {
        return metric(RECEIVED);
    }

    @Override
    public long faults() {
        return metric(FAULTS);
    }

    @Override
    public int controlDepth() {
        return control.size();
    }

    @Override
    public int ringCapacity() {
        int n = 0;
        for (Lane l : lanes) {
            n += l.toWorker.capacity();
        }
        return n;
    }

    @Override
    public String threadName() {
        return thread == null ? "fastpath-worker-" + index : thread.getName();
    }

    long nativeThreadId() {
        return nativeThreadId;
    }

    @Override
    public int ringDepth() {
        int n = 0;
        for (Lane l : lanes) {
            n += l.toWorker.size();
        }
        return n;
    }
}
