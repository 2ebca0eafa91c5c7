package org.fcredirect.flow.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fcredirect.fastpath.api.RewriteRule;
import org.fcredirect.fastpath.api.RuleBatch;
import org.fcredirect.fastpath.api.RuleSink;

/** A fast path stand-in: applies batches to a table by their documented meaning and checks generations. */
final class RecordingSink implements RuleSink {
    final List<RuleBatch> batches = new ArrayList<>();
    final Map<Long, List<RewriteRule>> table = new HashMap<>();
    boolean refuse;

    @Override
    public synchronized void apply(RuleBatch batch) {
        if (refuse) {
            throw new IllegalStateException("control queue full");
        }
        if (!batches.isEmpty()) {
            assertEquals(batches.get(batches.size() - 1).generation() + 1, batch.generation(), "generations are consecutive");
        }
        batches.add(batch);
        if (batch.reset()) {
            table.clear();
        }
        for (long id : batch.removedFlows()) {
            table.remove(id);
        }
        Map<Long, List<RewriteRule>> fresh = new HashMap<>();
        for (RewriteRule r : batch.rules()) {
            fresh.computeIfAbsent(r.flowId(), k -> new ArrayList<>()).add(r);
        }
        table.putAll(fresh);
    }

    synchronized List<RewriteRule> rulesOf(long flowId) {
        return table.getOrDefault(flowId, List.of());
    }

    synchronized int ruleCount() {
        return table.values().stream().mapToInt(List::size).sum();
    }
}
