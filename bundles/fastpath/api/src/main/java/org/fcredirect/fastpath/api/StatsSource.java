package org.fcredirect.fastpath.api;

/**
 * The fast path's statistics output, registered as a service by the fast path. Each worker keeps
 * per-flow counters and ships deltas and completed exchanges through its own bounded queue; the
 * stats service drains them here in batches. The queues and counters belong to the fast path, so
 * while no one drains, counters keep adding up in the workers (deltas of a flow merge) and nothing
 * is lost; completed-exchange records that find the queue full are counted as dropped in
 * {@link #backlog()}.
 *
 * <p>Reconciliation: the frames of every delta ever drained plus {@link StatsBacklog#pendingFrames()}
 * equal {@link FastPathStatus#framesProcessed()}, exactly once the workers are idle.
 */
public interface StatsSource {

    /** Flow id of the delta that counts frames no rule matched (handled by the default decision). */
    long UNMATCHED_FLOW = 0L;

    /**
     * Hands up to {@code maxRecords} records (flow deltas and exchange completions) to
     * {@code consumer}, in each worker's order, and returns how many it handed over. Callers are
     * serialized. A record whose callback throws is handed over again by the next call, and the
     * exception propagates; the failure is counted in {@link StatsBacklog#consumerFailures()}.
     *
     * @param maxRecords at least 1
     */
    int drain(StatsConsumer consumer, int maxRecords);

    /** What is still waiting to be drained, and what was lost to full queues. */
    StatsBacklog backlog();
}
