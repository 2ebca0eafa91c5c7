package org.fcredirect.traffic.impl;

import org.fcredirect.fastpath.api.RewriteRule;
import org.fcredirect.fastpath.api.RuleBatch;
import org.fcredirect.fastpath.api.RuleSink;

/**
 * The generator's directory when no flow service is there: it compiles its flows' rules itself,
 * as the flow manager would (four rewrites for a redirect, two permits for the direct path), and
 * publishes them to the fast path as a full table. Flow ids are the flow indexes plus one. No one
 * moves them, so the routes stay as planned; there are no policies, so every flow the policies
 * would decide is direct.
 */
final class DirectRules implements FabricDirectory {
    private static final int RULES_PER_BATCH = 65_536;

    private final RuleSink sink;
    private long generation;

    DirectRules(RuleSink sink) {
        this.sink = sink;
    }

    @Override
    public String name() {
        return "direct rules";
    }

    @Override
    public synchronized long[] setUp(TrafficTopology t, FlowRoutes routes) {
        long[] ids = new long[t.flows];
        RuleBatch.Builder b = RuleBatch.builder().reset();
        for (int f = 0; f < t.flows; f++) {
            ids[f] = f + 1L;
            compile(t, f, ids[f], b);
            if (b.size() >= RULES_PER_BATCH) {
                sink.apply(b.build(++generation));
                b = RuleBatch.builder();
            }
        }
        sink.apply(b.build(++generation));
        return ids;
    }

    @Override
    public synchronized void tearDown(TrafficTopology t, long[] flowIds) {
        RuleBatch.Builder b = RuleBatch.builder();
        for (long id : flowIds) {
            b.remove(id);
        }
        sink.apply(b.build(++generation));
    }

    static void compile(TrafficTopology t, int f, long id, RuleBatch.Builder out) {
        int v = t.vsan[f];
        int i = t.initiatorFcid(f);
        int tg = t.targetFcid(f);
        long any = RewriteRule.ANY_LUN;
        if (t.redirected(f)) {
            int vt = t.vtFcid(f);
            int vi = t.viFcid(f);
            out.add(RewriteRule.rewrite(id, v, i, tg, any, i, vt));
            out.add(RewriteRule.rewrite(id, v, vi, tg, any, i, tg));
            out.add(RewriteRule.rewrite(id, v, tg, i, any, tg, vi));
            out.add(RewriteRule.rewrite(id, v, vt, i, any, tg, i));
        } else {
            out.add(RewriteRule.permit(id, v, i, tg, any));
            out.add(RewriteRule.permit(id, v, tg, i, any));
        }
    }
}
