package org.fcredirect.fastpath.impl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.fcredirect.fc.FrameView;
import org.jctools.queues.SpscArrayQueue;

/**
 * A worker's punt queue: a fixed pool of {@link PuntSlot}s cycling through two SPSC queues, filled
 * ones to the control plane and drained ones back. With no slot free the frame is not punted and
 * counted as dropped; the worker never waits and allocates nothing.
 */
final class PuntChannel {
    static final int SLOTS = 4096;
    private static final VarHandle LONG = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int PUNTED = 0;
    private static final int DROPPED = 1;
    private static final int DRAINED = 2;

    final int worker;
    private final SpscArrayQueue<PuntSlot> full;
    private final SpscArrayQueue<PuntSlot> free;
    private final long[] totals = new long[3];

    PuntChannel(int worker, int slots) {
        this.worker = worker;
        full = new SpscArrayQueue<>(slots);
        free = new SpscArrayQueue<>(slots);
        for (int i = 0; i < slots; i++) {
            free.offer(new PuntSlot());
        }
    }

    // worker side

    void offer(FrameView v, int vsan, long timestamp) {
        PuntSlot s = free.relaxedPoll();
        if (s == null) {
            add(DROPPED);
            return;
        }
        s.fill(v, vsan, timestamp);
        // cannot fail: the full queue has room for every slot there is
        full.offer(s);
        add(PUNTED);
    }

    private void add(int field) {
        LONG.setOpaque(totals, field, (long) LONG.getOpaque(totals, field) + 1);
    }

    // control plane side, serialized by the drainer

    PuntSlot poll() {
        return full.relaxedPoll();
    }

    void recycle(PuntSlot s) {
        add(DRAINED);
        free.offer(s);
    }

    // readers

    long punted() {
        return (long) LONG.getOpaque(totals, PUNTED);
    }

    long dropped() {
        return (long) LONG.getOpaque(totals, DROPPED);
    }

    long drained() {
        return (long) LONG.getOpaque(totals, DRAINED);
    }

    int queued() {
        return full.size();
    }
}
