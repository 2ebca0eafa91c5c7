package org.fcredirect.fastpath.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.fcredirect.fastpath.api.PuntBacklog;
import org.fcredirect.fastpath.api.PuntConsumer;
import org.fcredirect.fastpath.api.PuntedFrame;

/**
 * The control plane's side of every worker's punt queue: drains them round-robin through one
 * reused view, under a lock that serializes callers. Queues of a replaced pipeline are drained
 * until empty, then dropped with their figures kept, so totals never go back.
 */
final class PuntDrainer {
    private final ReentrantLock lock = new ReentrantLock();
    private final Supplier<PuntChannel[]> live;
    private final List<PuntChannel> retired = new CopyOnWriteArrayList<>();
    private final SlotView view = new SlotView();
    private volatile PuntBacklog gone = new PuntBacklog(0, 0, 0, 0);
    private int next;

    PuntDrainer(Supplier<PuntChannel[]> live) {
        this.live = live;
    }

    void retire(PuntChannel[] channels) {
        retired.addAll(List.of(channels));
    }

    int drain(PuntConsumer consumer, int maxFrames) {
        if (maxFrames < 1) {
            throw new IllegalArgumentException("maxFrames " + maxFrames + " must be at least 1");
        }
        lock.lock();
        try {
            List<PuntChannel> all = new ArrayList<>(retired);
            all.addAll(List.of(live.get()));
            int n = 0;
            for (int tried = 0; tried < all.size() && n < maxFrames; tried++) {
                n += drain(all.get((next + tried) % all.size()), consumer, maxFrames - n);
            }
            next++;
            for (PuntChannel c : retired) {
                if (c.queued() == 0) {
                    PuntBacklog g = gone;
                    gone = new PuntBacklog(g.punted() + c.punted(), g.dropped() + c.dropped(),
                            g.drained() + c.drained(), 0);
                    retired.remove(c);
                }
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    private int drain(PuntChannel ch, PuntConsumer consumer, int max) {
        int n = 0;
        PuntSlot s;
        while (n < max && (s = ch.poll()) != null) {
            n++;
            try {
                consumer.punted(view.at(s, ch.worker));
            } finally {
                ch.recycle(s);
            }
        }
        return n;
    }

    PuntBacklog backlog() {
        PuntBacklog g = gone;
        long punted = g.punted();
        long dropped = g.dropped();
        long drained = g.drained();
        long queued = 0;
        List<PuntChannel> all = new ArrayList<>(retired);
        all.addAll(List.of(live.get()));
        for (PuntChannel c : all) {
            punted += c.punted();
            dropped += c.dropped();
            drained += c.drained();
            queued += c.queued();
        }
        return new PuntBacklog(punted, dropped, drained, queued);
    }

    private static final class SlotView implements PuntedFrame {
        private PuntSlot s;
        private int worker;

        SlotView at(PuntSlot slot, int w) {
            s = slot;
            worker = w;
            return this;
        }

        @Override
        public int vsan() {
            return s.vsan;
        }

        @Override
        public int worker() {
            return worker;
        }

        @Override
        public long timestamp() {
            return s.timestamp;
        }

        @Override
        public byte[] buffer() {
            return s.data;
        }

        @Override
        public int offset() {
            return 0;
        }

        @Override
        public int length() {
            return s.length;
        }
    }
}
