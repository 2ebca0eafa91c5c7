package org.fcredirect.bench.stats;

import java.time.Instant;
import java.util.Optional;
import java.util.Random;

import org.fcredirect.fastpath.api.ExchangeCompletion;
import org.fcredirect.fastpath.api.FlowDelta;
import org.fcredirect.fastpath.api.StatsBacklog;
import org.fcredirect.fastpath.api.StatsConsumer;
import org.fcredirect.fastpath.api.StatsSource;

/**
 * An endless statistics source over a precomputed cycle of records: flow deltas of flows drawn
 * uniformly (the worst case for the consumer's per-flow lookups) and, every {@link #EXCHANGE_EVERY}th
 * record, an exchange completion; handed over through reused views, as the fast path does.
 */
final class CyclicStatsSource implements StatsSource {
    static final int EXCHANGE_EVERY = 8;
    private static final int CYCLE = 1 << 20;

    private final long[] flowIds = new long[CYCLE];
    private final long[] latencies = new long[CYCLE];
    private final DeltaView delta = new DeltaView();
    private final ExchangeView exchange = new ExchangeView();
    private int next;

    CyclicStatsSource(int flows, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < CYCLE; i++) {
            flowIds[i] = 1 + random.nextInt(flows);
            latencies[i] = 50_000 + random.nextInt(5_000_000);
        }
    }

    @Override
    public int drain(StatsConsumer consumer, int maxRecords) {
        for (int n = 0; n < maxRecords; n++) {
            int i = next;
            next = (i + 1) & (CYCLE - 1);
            if (i % EXCHANGE_EVERY == 0) {
                exchange.flowId = flowIds[i];
                exchange.nanos = latencies[i];
                consumer.exchange(exchange);
            } else {
                delta.flowId = flowIds[i];
                delta.frames = 1 + (i & 31);
                consumer.flowDelta(delta);
            }
        }
        return maxRecords;
    }

    @Override
    public StatsBacklog backlog() {
        return new StatsBacklog(0, 0, 0, 0, 0, 0, 0, 0, Optional.of(Instant.EPOCH));
    }

    private static final class DeltaView implements FlowDelta {
        long flowId;
        long frames;

        @Override
        public long flowId() {
            return flowId;
        }

        @Override
        public int worker() {
            return 0;
        }

        @Override
        public long framesToTarget() {
            return frames;
        }

        @Override
        public long bytesToTarget() {
            return frames * 2112;
        }

        @Override
        public long framesToInitiator() {
            return 1;
        }

        @Override
        public long bytesToInitiator() {
            return 64;
        }

        @Override
        public long framesDropped() {
            return 0;
        }

        @Override
        public long exchangesOpened() {
            return 1;
        }

        @Override
        public long exchangesCompleted() {
            return 1;
        }
    }

    private static final class ExchangeView implements ExchangeCompletion {
        long flowId;
        long nanos;

        @Override
        public long flowId() {
            return flowId;
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
            return (flowId & 1) == 0;
        }

        @Override
        public long dataLength() {
            return 65536;
        }

        @Override
        public int scsiStatus() {
            return 0;
        }

        @Override
        public long commandNanos() {
            return 0;
        }

        @Override
        public long completionNanos() {
            return nanos;
        }
    }
}
