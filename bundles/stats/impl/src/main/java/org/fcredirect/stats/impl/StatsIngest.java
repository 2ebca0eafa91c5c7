package org.fcredirect.stats.impl;

import org.fcredirect.fastpath.api.ExchangeCompletion;
import org.fcredirect.fastpath.api.FlowDelta;
import org.fcredirect.fastpath.api.StatsConsumer;

/** Applies one drained batch to the store, every record at the batch's time. */
final class StatsIngest implements StatsConsumer {
    private StatsStore store;
    private long nowMillis;

    void begin(StatsStore store, long nowMillis) {
        this.store = store;
        this.nowMillis = nowMillis;
    }

    @Override
    public void flowDelta(FlowDelta delta) {
        store.flowDelta(delta, nowMillis);
    }

    @Override
    public void exchange(ExchangeCompletion exchange) {
        store.exchange(exchange, nowMillis);
    }
}
