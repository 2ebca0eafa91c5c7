package org.fcredirect.fastpath.api;

/**
 * Receives drained statistics. The arguments are views the fast path reuses: read them during the
 * call and copy what you keep.
 */
public interface StatsConsumer {

    /** Counters of one flow added since the previous delta of that flow from the same worker. */
    void flowDelta(FlowDelta delta);

    /** A SCSI exchange that completed (FCP_CMND answered by FCP_RSP). */
    void exchange(ExchangeCompletion exchange);
}
