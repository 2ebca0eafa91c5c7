package org.fcredirect.fastpath.impl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.fcredirect.fastpath.api.ExchangeCompletion;
import org.fcredirect.fastpath.api.FlowDelta;
import org.fcredirect.fastpath.api.StatsConsumer;

/**
 * The consumer side of every worker's stats channel: drains batches round-robin over the channels
 * through two reused views, under a lock that serializes callers (an old and a new stats service
 * overlapping during an upgrade). A callback that throws leaves its record in place for the next
 * call. Channels of a replaced pipeline are drained until empty, then dropped. The figures are
 * read without the lock, so status never waits for a slow consumer.
 */
final class StatsDrainer {
    private final ReentrantLock lock = new ReentrantLock();
    private final Supplier<StatsChannel[]> live;
    private final List<StatsChannel> retired = new CopyOnWriteArrayList<>();
    private final DeltaView delta = new DeltaView();
    private final ExchangeView exchange = new ExchangeView();
    private volatile long droppedChannelFrames;
    private volatile long deltasDrained;
    private volatile long exchangesDrained;
    private volatile long consumerFailures;
    private volatile Instant lastDrain;
    private int next;

    StatsDrainer(Supplier<StatsChannel[]> live) {
        this.live = live;
    }

    /** Keeps draining the channels of a replaced pipeline. */
    void retire(StatsChannel[] channels) {
        retired.addAll(List.of(channels));
    }

    int drain(StatsConsumer consumer, int maxRecords) {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("maxRecords " + maxRecords + " must be at least 1");
        }
        lock.lock();
        try {
            List<StatsChannel> all = new ArrayList<>(retired);
            all.addAll(List.of(live.get()));
            int n = 0;
            for (int tried = 0; tried < all.size() && n < maxRecords; tried++) {
                n += drain(all.get((next + tried) % all.size()), consumer, maxRecords - n);
            }
            next++;
            for (StatsChannel c : retired) {
                if (c.drainedAll()) {
                    // counted before removal: a reader may see it twice for an instant, never not at all
                    droppedChannelFrames += c.framesDrained();
                    retired.remove(c);
                }
            }
            if (n > 0) {
                lastDrain = Instant.now();
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    private int drain(StatsChannel ch, StatsConsumer consumer, int max) {
        int n = 0;
        while (n < max) {
            StatsBatch b = ch.draining;
            if (b == null) {
                b = ch.poll();
                if (b == null) {
                    break;
                }
                ch.draining = b;
                ch.drainIndex = 0;
            }
            int i = ch.drainIndex;
            try {
                if (i < b.deltas) {
                    consumer.flowDelta(delta.at(b, i, ch.worker));
                } else {
                    consumer.exchange(exchange.at(b, i - b.deltas, ch.worker));
                }
            } catch (RuntimeException | Error e) {
                consumerFailures++;
                throw e;
            }
            if (i < b.deltas) {
                ch.drained(b.framesToTarget[i] + b.framesToInitiator[i]);
                deltasDrained++;
            } else {
                exchangesDrained++;
            }
            ch.drainIndex = ++i;
            n++;
            if (i == b.records()) {
                ch.draining = null;
                ch.recycle(b);
            }
        }
        return n;
    }

    /** Frames of every delta drained, from every channel this drainer ever had. */
    long framesDrained() {
        long n = droppedChannelFrames;
        for (StatsChannel c : retired) {
            n += c.framesDrained();
        }
        for (StatsChannel c : live.get()) {
            n += c.framesDrained();
        }
        return n;
    }

    /** Batches shipped and waiting, the partly drained ones included. */
    int queuedBatches() {
        int n = 0;
        for (StatsChannel c : retired) {
            n += c.queued() + (c.draining == null ? 0 : 1);
        }
        for (StatsChannel c : live.get()) {
            n += c.queued() + (c.draining == null ? 0 : 1);
        }
        return n;
    }

    long deltasDrained() {
        return deltasDrained;
    }

    long exchangesDrained() {
        return exchangesDrained;
    }

    long consumerFailures() {
        return consumerFailures;
    }

    Optional<Instant> lastDrain() {
        return Optional.ofNullable(lastDrain);
    }

    /** A delta of a batch, as the API's view. */
    private static final class DeltaView implements FlowDelta {
        private StatsBatch b;
        private int i;
        private int worker;

        DeltaView at(StatsBatch batch, int index, int w) {
            b = batch;
            i = index;
            worker = w;
            return this;
        }

        @Override
        public long flowId() {
            return b.flow[i];
        }

        @Override
        public int worker() {
            return worker;
        }

        @Override
        public long framesToTarget() {
            return b.framesToTarget[i];
        }

        @Override
        public long bytesToTarget() {
            return b.bytesToTarget[i];
        }

        @Override
        public long framesToInitiator() {
            return b.framesToInitiator[i];
        }

        @Override
        public long bytesToInitiator() {
            return b.bytesToInitiator[i];
        }

        @Override
        public long framesDropped() {
            return b.dropped[i];
        }

        @Override
        public long exchangesOpened() {
            return b.opened[i];
        }

        @Override
        public long exchangesCompleted() {
            return b.completed[i];
        }

        @Override
        public String toString() {
            return "FlowDelta[flow " + flowId() + " worker " + worker + " frames " + framesToTarget() + "/"
                    + framesToInitiator() + " bytes " + bytesToTarget() + "/" + bytesToInitiator() + " dropped "
                    + framesDropped() + " exchanges " + exchangesOpened() + "/" + exchangesCompleted() + "]";
        }
    }

    /** An exchange completion of a batch, as the API's view. */
    private static final class ExchangeView implements ExchangeCompletion {
        private StatsBatch b;
        private int i;
        private int worker;

        ExchangeView at(StatsBatch batch, int index, int w) {
            b = batch;
            i = index;
            worker = w;
            return this;
        }

        @Override
        public long flowId() {
            return b.exFlow[i];
        }

        @Override
        public int worker() {
            return worker;
        }

        @Override
        public int vsan() {
            return b.exVsan[i];
        }

        @Override
        public int initiator() {
            return b.exInitiator[i];
        }

        @Override
        public int target() {
            return b.exTarget[i];
        }

        @Override
        public int oxId() {
            return b.exOx[i];
        }

        @Override
        public boolean write() {
            return b.exWrite[i];
        }

        @Override
        public long dataLength() {
            return b.exDataLength[i];
        }

        @Override
        public int scsiStatus() {
            return b.exStatus[i];
        }

        @Override
        public long commandNanos() {
            return b.exCommand[i];
        }

        @Override
        public long completionNanos() {
            return b.exCompletion[i];
        }

        @Override
        public String toString() {
            return String.format("ExchangeCompletion[flow %d vsan %d 0x%06x->0x%06x ox 0x%04x %s %d bytes status %d in %d ns]",
                    flowId(), vsan(), initiator(), target(), oxId(), write() ? "write" : "read", dataLength(),
                    scsiStatus(), completionNanos());
        }
    }
}
