package org.fcredirect.flow.impl;

import static org.fcredirect.flow.impl.Fabric.pooled;
import static org.fcredirect.flow.impl.Fabric.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.fcredirect.fastpath.api.RewriteRule;
import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.FlowFilter;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowState;
import org.junit.jupiter.api.Test;

/**
 * The property pools exist for: for random flows over random appliances, with failovers,
 * recoveries, deletions and pools that run out, every frame of every leg of every flow matches
 * exactly one rule, so none is dropped as ambiguous.
 */
class UnambiguousRulesTest {
    private static final FailoverMode[] MODES = FailoverMode.values();

    @Test
    void everyLegOfEveryFlowMatchesExactlyOneRule() {
        long active = 0;
        long waiting = 0;
        for (long seed = 1; seed <= 60; seed++) {
            long[] seen = check(seed);
            active += seen[0];
            waiting += seen[1];
        }
        assertTrue(active > 500 && waiting > 10, "the seeds exercise redirects and full pools: " + active + " active, "
                + waiting + " waiting");
    }

    /** @return active flows and flows waiting for a virtual port at the end */
    private static long[] check(long seed) {
        Random r = new Random(seed);
        try (Fabric fabric = new Fabric(Fabric.settings(r.nextInt(3) * 7, r.nextBoolean(), FailoverMode.STANDBY))) {
            RecordingSink sink = new RecordingSink();
            fabric.store.bindRuleSink(sink);
            int appliances = 1 + r.nextInt(4);
            for (int a = 1; a <= appliances; a++) {
                fabric.appliances.add(pooled("a" + a, "g" + r.nextInt(2), a, 4 + r.nextInt(40)));
            }
            int hosts = 1 + r.nextInt(30);
            int targets = 1 + r.nextInt(10);
            for (int h = 1; h <= hosts; h++) {
                fabric.loginHost(h);
            }
            for (int t = 1; t <= targets; t++) {
                fabric.loginTarget(t);
            }
            Set<Long> pairs = new HashSet<>();
            int steps = 20 + r.nextInt(80);
            for (int i = 0; i < steps; i++) {
                int what = r.nextInt(10);
                if (what < 7) {
                    int h = 1 + r.nextInt(hosts);
                    int t = 1 + r.nextInt(targets);
                    if (pairs.add((long) h << 32 | t)) {
                        fabric.flows.create(spec(h, t).appliance("a" + (1 + r.nextInt(appliances)))
                                .failover(MODES[r.nextInt(MODES.length)]).build());
                    }
                } else if (what == 7) {
                    fabric.appliances.markUnhealthy("a" + (1 + r.nextInt(appliances)), "test");
                } else if (what == 8) {
                    fabric.appliances.markHealthy("a" + (1 + r.nextInt(appliances)));
                } else {
                    List<Flow> all = fabric.flows.list(FlowFilter.all(), 0, 10_000).flows();
                    if (!all.isEmpty()) {
                        Flow gone = all.get(r.nextInt(all.size()));
                        fabric.flows.delete(gone.id());
                        pairs.remove((long) (gone.spec().initiator().value() - Fabric.host(0).value()) << 32
                                | gone.spec().target().value() - Fabric.target(0).value());
                    }
                }
            }
            return assertUnambiguous(fabric, sink, seed);
        }
    }

    private static long[] assertUnambiguous(Fabric fabric, RecordingSink sink, long seed) {
        Map<String, Long> ruleOf = new HashMap<>();
        sink.table.values().forEach(rules -> rules.forEach(rule -> {
            Long before = ruleOf.put(key(rule), rule.flowId());
            assertTrue(before == null, "seed " + seed + ": flows " + before + " and " + rule.flowId() + " both match "
                    + key(rule));
        }));
        long active = 0;
        long waiting = 0;
        for (Flow f : fabric.flows.list(FlowFilter.all(), 0, 10_000).flows()) {
            FlowId id = f.id();
            List<RewriteRule> rules = sink.rulesOf(id.value());
            if (f.state() == FlowState.ACTIVE) {
                active++;
                assertEquals(4, rules.size(), "seed " + seed + ": " + f);
                for (RewriteRule rule : rules) {
                    assertEquals(id.value(), ruleOf.get(key(rule)), "seed " + seed + ": a leg of flow " + id);
                }
                assertTrue(f.issue().isEmpty(), "seed " + seed + ": " + f.issue());
            } else if (f.issue().isPresent()) {
                waiting++;
            }
        }
        return new long[] {active, waiting};
    }

    private static String key(RewriteRule r) {
        return r.vsan() + ":" + Integer.toHexString(r.matchSid()) + "->" + Integer.toHexString(r.matchDid()) + ":" + r.lun();
    }
}
