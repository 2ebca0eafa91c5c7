package org.fcredirect.fastpath.impl;

/**
 * One worker's share of an accepted rule batch, applied between two frame batches: drop every
 * rule first ({@code reset}), then every rule of {@code retiredFlows} (removed flows and flows the
 * batch gives new rules, which may have lived on another worker), then add this worker's rules.
 * {@code retiredFlows} is shared by the updates of one batch and never modified.
 */
final class RuleUpdate {
    final long sequence;
    final long generation;
    final boolean reset;
    final long[] retiredFlows;
    final long[] keys;
    final long[] luns;
    final long[] values;
    final long[] flowIds;

    RuleUpdate(long sequence, long generation, boolean reset, long[] retiredFlows, long[] keys, long[] luns,
            long[] values, long[] flowIds) {
        this.sequence = sequence;
        this.generation = generation;
        this.reset = reset;
        this.retiredFlows = retiredFlows;
        this.keys = keys;
        this.luns = luns;
        this.values = values;
        this.flowIds = flowIds;
    }

    int size() {
        return keys.length;
    }
}
