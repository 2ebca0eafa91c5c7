package org.fcredirect.fastpath.api;

/**
 * The fast path's control input, registered as a service by the fast path. The flow manager
 * publishes every change of its compiled rules here, in generation order, and a full table
 * (a {@link RuleBatch#reset() reset} batch, then more batches) whenever a sink appears.
 */
public interface RuleSink {

    /**
     * Takes a batch for the workers to apply between their frame batches. Called by one publisher
     * at a time, in generation order. Copies what it needs before returning, may block briefly
     * while the workers' control queues are full, and never drops a batch.
     */
    void apply(RuleBatch batch);
}
