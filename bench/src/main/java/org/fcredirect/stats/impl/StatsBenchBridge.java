package org.fcredirect.stats.impl;

import java.util.concurrent.locks.ReentrantLock;

import org.fcredirect.fastpath.api.StatsSource;
import org.fcredirect.stats.api.FlowLabels;

/**
 * Lets {@code org.fcredirect.bench.stats} run the statistics' package-private drain path: the
 * same lock-per-batch, advance and ingest as {@code StatsManager.drainOnce}, without its thread.
 * Lives in the bench module only.
 */
public final class StatsBenchBridge {
    private final StatsStore store;
    private final StatsIngest ingest = new StatsIngest();
    private final ReentrantLock lock = new ReentrantLock();

    /** A store with the default shape except {@code maxFlows}, labelling every flow alike. */
    public StatsBenchBridge(int maxFlows) {
        store = new StatsStore(new StatsSettings(1000, 100, 3600, 1440, maxFlows, 128, 256, 300),
                id -> new FlowLabels("1", "i", "t", FlowLabels.DIRECT));
    }

    public int drain(StatsSource source, int batchSize, long nowMillis) {
        lock.lock();
        try {
            store.advance(nowMillis);
            ingest.begin(store, nowMillis);
            return source.drain(ingest, batchSize);
        } finally {
            lock.unlock();
        }
    }
}
