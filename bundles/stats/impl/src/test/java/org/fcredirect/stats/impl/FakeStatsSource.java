package org.fcredirect.stats.impl;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;

import org.fcredirect.fastpath.api.ExchangeCompletion;
import org.fcredirect.fastpath.api.FlowDelta;
import org.fcredirect.fastpath.api.StatsBacklog;
import org.fcredirect.fastpath.api.StatsConsumer;
import org.fcredirect.fastpath.api.StatsSource;

/**
 * A statistics source fed by the test. It hands records over through one reused view each, as the
 * fast path does, and scribbles over the view after each call, so a consumer that keeps the view
 * instead of copying reads garbage.
 */
final class FakeStatsSource implements StatsSource {
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private final MutableDelta deltaView = new MutableDelta();
    private final MutableExchange exchangeView = new MutableExchange();
    private long framesProduced;
    private long framesDrained;
    private long exchangeRecordsDropped;
    private int drainCalls;

    record Delta(long flowId, long framesToTarget, long bytesToTarget, long framesToInitiator, long bytesToInitiator,
            long framesDropped, long exchangesOpened, long exchangesCompleted) {
    }

    record Exchange(long flowId, boolean write, int scsiStatus, long completionNanos) {
    }

    synchronized void delta(long flowId, long framesToTarget, long bytesToTarget, long framesToInitiator,
            long bytesToInitiator) {
        add(new Delta(flowId, framesToTarget, bytesToTarget, framesToInitiator, bytesToInitiator, 0, 0, 0));
    }

    synchronized void add(Delta d) {
        queue.add(d);
        framesProduced += d.framesToTarget + d.framesToInitiator;
    }

    synchronized void exchange(long flowId, boolean write, int scsiStatus, long completionNanos) {
        queue.add(new Exchange(flowId, write, scsiStatus, completionNanos));
    }

    synchronized void dropExchangeRecords(long n) {
        exchangeRecordsDropped += n;
    }

    synchronized long framesProduced() {
        return framesProduced;
    }

    synchronized int pending() {
        return queue.size();
    }

    synchronized int drainCalls() {
        return drainCalls;
    }

    @Override
    public synchronized int drain(StatsConsumer consumer, int maxRecords) {
        drainCalls++;
        int n = 0;
        while (n < maxRecords && !queue.isEmpty()) {
            Object record = queue.poll();
            if (record instanceof Delta d) {
                deltaView.d = d;
                consumer.flowDelta(deltaView);
                deltaView.d = new Delta(-7, -1, -1, -1, -1, -1, -1, -1);
                framesDrained += d.framesToTarget + d.framesToInitiator;
            } else {
                exchangeView.e = (Exchange) record;
                consumer.exchange(exchangeView);
                exchangeView.e = new Exchange(-7, false, -1, -1);
            }
            n++;
        }
        return n;
    }

    @Override
    public synchronized StatsBacklog backlog() {
        return new StatsBacklog(framesProduced - framesDrained, 0, queue.isEmpty() ? 0 : 1, exchangeRecordsDropped,
                framesDrained, 0, 0, 0, Optional.of(Instant.EPOCH));
    }

    private static final class MutableDelta implements FlowDelta {
        Delta d;

        @Override
        public long flowId() {
            return d.flowId;
        }

        @Override
        public int worker() {
            return 0;
        }

        @Override
        public long framesToTarget() {
            return d.framesToTarget;
        }

        @Override
        public long bytesToTarget() {
            return d.bytesToTarget;
        }

        @Override
        public long framesToInitiator() {
            return d.framesToInitiator;
        }

        @Override
        public long bytesToInitiator() {
            return d.bytesToInitiator;
        }

        @Override
        public long framesDropped() {
            return d.framesDropped;
        }

        @Override
        public long exchangesOpened() {
            return d.exchangesOpened;
        }

        @Override
        public long exchangesCompleted() {
            return d.exchangesCompleted;
        }
    }

    private static final class MutableExchange implements ExchangeCompletion {
        Exchange e;

        @Override
        public long flowId() {
            return e.flowId;
        }

        @Override
        public int worker() {
            return 0;
        }

        @Override
        public int vsan() {
            return 1;
        }

        @Override
        public int initiator() {
            return 0x010101;
        }

        @Override
        public int target() {
            return 0x020202;
        }

        @Override
        public int oxId() {
            return 1;
        }

        @Override
        public boolean write() {
            return e.write;
        }

        @Override
        public long dataLength() {
            return 4096;
        }

        @Override
        public int scsiStatus() {
            return e.scsiStatus;
        }

        @Override
        public long commandNanos() {
            return 0;
        }

        @Override
        public long completionNanos() {
            return e.completionNanos;
        }
    }
}
