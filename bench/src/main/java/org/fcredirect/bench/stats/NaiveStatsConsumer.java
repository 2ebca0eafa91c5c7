package org.fcredirect.bench.stats;

import java.util.HashMap;
import java.util.Map;

import org.fcredirect.fastpath.api.ExchangeCompletion;
import org.fcredirect.fastpath.api.FlowDelta;
import org.fcredirect.fastpath.api.StatsConsumer;

/**
 * The baseline: boxed per-flow counters in a {@code HashMap<Long, ...>}, a lock per record, and a
 * {@code HashMap} of per-second totals; no rollups by minute, groups or histograms, so it does
 * less work than the real consumer.
 */
final class NaiveStatsConsumer implements StatsConsumer {
    private final Map<Long, Counters> flows = new HashMap<>();
    private final Map<Long, Counters> seconds = new HashMap<>();
    long nowMillis;

    static final class Counters {
        Long frames = 0L;
        Long bytes = 0L;
        Long exchanges = 0L;
        Long latencySum = 0L;
    }

    @Override
    public synchronized void flowDelta(FlowDelta d) {
        Counters c = flows.computeIfAbsent(d.flowId(), id -> new Counters());
        c.frames += d.frames();
        c.bytes += d.bytes();
        c.exchanges += d.exchangesCompleted();
        Counters s = seconds.computeIfAbsent(nowMillis / 1000, id -> new Counters());
        s.frames += d.frames();
        s.bytes += d.bytes();
    }

    @Override
    public synchronized void exchange(ExchangeCompletion e) {
        flows.computeIfAbsent(e.flowId(), id -> new Counters()).latencySum += e.completionNanos();
    }
}
