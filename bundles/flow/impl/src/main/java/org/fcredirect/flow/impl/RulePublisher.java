package org.fcredirect.flow.impl;

import org.fcredirect.fastpath.api.RuleBatch;
import org.fcredirect.fastpath.api.RuleSink;
import org.fcredirect.flow.api.FlowState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes rule changes to the fast path's {@link RuleSink} when one is bound, in batches of at
 * most {@link #MAX_RULES_PER_BATCH} rules with consecutive generations. When the sink refuses a
 * batch, the next publication sends the full table instead, so the fast path never keeps a gap.
 * Called under the flow store's write lock, which orders the batches.
 */
final class RulePublisher {
    static final int MAX_RULES_PER_BATCH = 65_536;
    private static final Logger LOG = LoggerFactory.getLogger(RulePublisher.class);

    private volatile RuleSink sink;
    private long generation;
    private boolean resyncNeeded;

    void bind(RuleSink s) {
        sink = s;
    }

    /** Forgets {@code s} when it is the bound sink. */
    void unbind(RuleSink s) {
        if (sink == s) {
            sink = null;
        }
    }

    boolean bound() {
        return sink != null;
    }

    long generation() {
        return generation;
    }

    /** Sends the rules of the flows the effects touched, and removals of deleted ones. */
    void publish(FlowModel model, Effects effects) {
        RuleSink s = sink;
        if (s == null || effects.isEmpty()) {
            return;
        }
        if (resyncNeeded) {
            publishAll(model);
            return;
        }
        RuleBatch.Builder b = RuleBatch.builder();
        for (long id : effects.deletedIds()) {
            b.remove(id);
        }
        byte pending = (byte) FlowState.PENDING.ordinal();
        for (int i = 0; i < effects.touchedCount(); i++) {
            int slot = effects.slot(i);
            if (RuleCompiler.compile(model, slot, b) == 0) {
                byte before = effects.previousState(i);
                if (before != pending && before != Effects.CREATED) {
                    b.remove(model.flows.c.id[slot]);
                }
            }
            if (b.size() >= MAX_RULES_PER_BATCH) {
                if (!send(s, b)) {
                    return;
                }
                b = RuleBatch.builder();
            }
        }
        send(s, b);
    }

    /** Sends the whole table: a reset batch, then as many as it takes. */
    void publishAll(FlowModel model) {
        RuleSink s = sink;
        if (s == null) {
            return;
        }
        long started = System.nanoTime();
        RuleBatch.Builder b = RuleBatch.builder().reset();
        FlowColumns c = model.flows.c;
        for (int slot = 0; slot < c.size; slot++) {
            if (c.state[slot] == FlowColumns.DELETED) {
                continue;
            }
            RuleCompiler.compile(model, slot, b);
            if (b.size() >= MAX_RULES_PER_BATCH) {
                if (!send(s, b)) {
                    return;
                }
                b = RuleBatch.builder();
            }
        }
        if (send(s, b)) {
            resyncNeeded = false;
            LOG.info("Published the full rule table ({} flows) to the fast path, generation {}, in {} ms",
                    model.flows.liveCount(), generation, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private boolean send(RuleSink s, RuleBatch.Builder b) {
        RuleBatch batch = b.build(generation + 1);
        if (batch.isEmpty()) {
            return true;
        }
        try {
            s.apply(batch);
            generation++;
            return true;
        } catch (RuntimeException e) {
            if (!resyncNeeded) {
                LOG.error("The fast path refused rule batch {}; the full table will be sent with the next change: {}",
                        batch.generation(), e.toString());
            }
            resyncNeeded = true;
            return false;
        }
    }
}
