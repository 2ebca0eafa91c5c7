package org.fcredirect.flow.impl;

import java.util.ArrayList;
import java.util.List;

import org.fcredirect.fastpath.api.RewriteRule;
import org.fcredirect.fastpath.api.RuleBatch;
import org.fcredirect.fc.fcp.Lun;

/**
 * Turns a flow's state into its fast-path rules. ACTIVE: the four redirect legs over the VT of its
 * target and the VI of its host on its appliance (I→T becomes I→VT; VI→T leaves as I→T; T→I
 * becomes T→VI; VT→I leaves as T→I). DIRECT and BYPASSED: permit
 * I→T and T→I. DROPPED and BLOCKED: drop I→T and T→I. PENDING: nothing (no FCIDs yet).
 */
final class RuleCompiler {
    private RuleCompiler() {
    }

    static List<RewriteRule> rules(FlowModel model, int slot) {
        List<RewriteRule> rules = new ArrayList<>(4);
        compile(model, slot, rules);
        return rules;
    }

    /** @return how many rules were added */
    static int compile(FlowModel model, int slot, RuleBatch.Builder out) {
        List<RewriteRule> rules = rules(model, slot);
        rules.forEach(out::add);
        return rules.size();
    }

    private static void compile(FlowModel model, int slot, List<RewriteRule> out) {
        FlowColumns c = model.flows.c;
        int vsan = c.vsan[slot];
        int i = model.logins.fcidOf(vsan, c.initiator[slot]);
        int t = model.logins.fcidOf(vsan, c.target[slot]);
        long flow = c.id[slot];
        long lun = c.lun[slot] == FlowColumns.NO_LUN ? RewriteRule.ANY_LUN : Lun.of(c.lun[slot]);
        switch (model.state(slot)) {
            case PENDING -> { }
            case ACTIVE -> {
                int vt = c.vt[slot];
                int vi = c.vi[slot];
                out.add(RewriteRule.rewrite(flow, vsan, i, t, lun, i, vt));
                out.add(RewriteRule.rewrite(flow, vsan, vi, t, lun, i, t));
                out.add(RewriteRule.rewrite(flow, vsan, t, i, lun, t, vi));
                out.add(RewriteRule.rewrite(flow, vsan, vt, i, lun, t, i));
            }
            case DIRECT, BYPASSED -> {
                out.add(RewriteRule.permit(flow, vsan, i, t, lun));
                out.add(RewriteRule.permit(flow, vsan, t, i, lun));
            }
            case DROPPED, BLOCKED -> {
                out.add(RewriteRule.drop(flow, vsan, i, t, lun));
                out.add(RewriteRule.drop(flow, vsan, t, i, lun));
            }
        }
    }
}
