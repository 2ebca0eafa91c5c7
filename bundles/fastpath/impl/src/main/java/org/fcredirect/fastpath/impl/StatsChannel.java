package org.fcredirect.fastpath.impl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.jctools.queues.SpscArrayQueue;

/**
 * A worker's bounded statistics channel: a fixed pool of {@link StatsBatch}es cycling through two
 * SPSC queues, full ones to the stats service and drained ones back. The worker fills its current
 * batch; with no batch free, {@link #addDelta} refuses (the worker keeps the counters and merges
 * later frames into them) and {@link #addExchange} counts the record as dropped. Frame totals on
 * both sides make the backlog exact: shipped minus drained is in the queue.
 */
final class StatsChannel {
    private static final VarHandle LONG = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int SHIPPED_FRAMES = 0;
    private static final int DROPPED_EXCHANGES = 1;
    private static final int DEFERRALS = 2;
    private static final int DRAINED_FRAMES = 3;

    final int worker;
    private final SpscArrayQueue<StatsBatch> full;
    private final SpscArrayQueue<StatsBatch> free;
    private final long[] totals = new long[4];
    private StatsBatch current;
    private boolean deferring;
    /** The batch the drainer is part way through, and where; written under the drainer's lock. */
    volatile StatsBatch draining;
    int drainIndex;

    StatsChannel(int worker, int batches) {
        this.worker = worker;
        int n = Math.max(2, batches);
        full = new SpscArrayQueue<>(n);
        free = new SpscArrayQueue<>(n);
        for (int i = 0; i < n; i++) {
            free.offer(new StatsBatch());
        }
    }

    // worker side

    private boolean room(boolean forDelta) {
        if (current != null && (forDelta ? current.deltas < StatsBatch.DELTAS : current.exchanges < StatsBatch.EXCHANGES)) {
            return true;
        }
        if (current != null) {
            full.offer(current);
        }
        current = free.relaxedPoll();
        return current != null;
    }

    boolean addDelta(long flow, long framesToTarget, long bytesToTarget, long framesToInitiator,
            long bytesToInitiator, long dropped, long opened, long completed) {
        if (!room(true)) {
            if (!deferring) {
                deferring = true;
                add(DEFERRALS, 1);
            }
            return false;
        }
        deferring = false;
        StatsBatch b = current;
        int i = b.deltas++;
        b.flow[i] = flow;
        b.framesToTarget[i] = framesToTarget;
        b.bytesToTarget[i] = bytesToTarget;
        b.framesToInitiator[i] = framesToInitiator;
        b.bytesToInitiator[i] = bytesToInitiator;
        b.dropped[i] = dropped;
        b.opened[i] = opened;
        b.completed[i] = completed;
        add(SHIPPED_FRAMES, framesToTarget + framesToInitiator);
        return true;
    }

    void addExchange(long flow, int vsan, int initiator, int target, int oxId, boolean write, long dataLength,
            int status, long command, long completion) {
        if (!room(false)) {
            add(DROPPED_EXCHANGES, 1);
            return;
        }
        StatsBatch b = current;
        int i = b.exchanges++;
        b.exFlow[i] = flow;
        b.exVsan[i] = vsan;
        b.exInitiator[i] = initiator;
        b.exTarget[i] = target;
        b.exOx[i] = oxId;
        b.exWrite[i] = write;
        b.exDataLength[i] = dataLength;
        b.exStatus[i] = status;
        b.exCommand[i] = command;
        b.exCompletion[i] = completion;
    }

    /** Hands the current batch to the stats service if it holds anything. */
    void flush() {
        if (current != null && !current.isEmpty()) {
            full.offer(current);
            current = free.relaxedPoll();
        }
    }

    private void add(int field, long n) {
        LONG.setOpaque(totals, field, (long) LONG.getOpaque(totals, field) + n);
    }

    // stats service side (serialized by the drainer)

    StatsBatch poll() {
        return full.relaxedPoll();
    }

    void recycle(StatsBatch b) {
        b.clear();
        free.offer(b);
    }

    void drained(long frames) {
        add(DRAINED_FRAMES, frames);
    }

    // readers

    int queued() {
        return full.size();
    }

    /** Nothing shipped is waiting to be drained. */
    boolean drainedAll() {
        return draining == null && full.isEmpty();
    }

    long framesShipped() {
        return (long) LONG.getOpaque(totals, SHIPPED_FRAMES);
    }

    long framesDrained() {
        return (long) LONG.getOpaque(totals, DRAINED_FRAMES);
    }

    long exchangesDropped() {
        return (long) LONG.getOpaque(totals, DROPPED_EXCHANGES);
    }

    long deferrals() {
        return (long) LONG.getOpaque(totals, DEFERRALS);
    }
}
