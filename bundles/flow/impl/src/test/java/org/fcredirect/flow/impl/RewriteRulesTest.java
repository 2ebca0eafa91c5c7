package org.fcredirect.flow.impl;

import org.fcredirect.flow.testkit.FakePolicy;
import static org.fcredirect.flow.impl.Fabric.VSAN;
import static org.fcredirect.flow.impl.Fabric.appliance;
import static org.fcredirect.flow.impl.Fabric.hostFcid;
import static org.fcredirect.flow.impl.Fabric.ports;
import static org.fcredirect.flow.impl.Fabric.spec;
import static org.fcredirect.flow.impl.Fabric.target;
import static org.fcredirect.flow.impl.Fabric.targetFcid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.fcredirect.fastpath.api.RewriteRule;
import org.fcredirect.fastpath.api.RuleAction;
import org.fcredirect.fastpath.api.RuleBatch;
import org.fcredirect.fc.fcp.Lun;
import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.VirtualPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The compiled rules of every state, and how they reach the fast path. */
class RewriteRulesTest {
    private final Fabric fabric = new Fabric();
    private final FlowManager flows = fabric.flows;
    private final RecordingSink sink = new RecordingSink();
    private final int i = hostFcid(1).value();
    private final int t = targetFcid(1).value();
    private final VirtualPorts enc = ports(VSAN, 1);
    private final int vt = enc.vtFcid().value();
    private final int vi = enc.viFcid().value();

    @AfterEach
    void close() {
        fabric.close();
    }

    private FlowId activeFlow(FailoverMode mode) {
        fabric.appliances.add(appliance("enc1", "g", 1));
        FlowId id = flows.create(spec(1, 1).appliance("enc1").failover(mode).build());
        fabric.loginHost(1);
        fabric.loginTarget(1);
        return id;
    }

    @Test
    void anActiveFlowHasTheFourRedirectLegs() {
        FlowId id = activeFlow(FailoverMode.BLOCK);
        long f = id.value();
        int v = VSAN.value();
        long any = RewriteRule.ANY_LUN;
        assertEquals(List.of(
                RewriteRule.rewrite(f, v, i, t, any, i, vt),
                RewriteRule.rewrite(f, v, vi, t, any, i, t),
                RewriteRule.rewrite(f, v, t, i, any, t, vi),
                RewriteRule.rewrite(f, v, vt, i, any, t, i)), flows.rules(id));
    }

    @Test
    void aDirectOrBypassedFlowIsPermittedBothWays() {
        FlowId direct = flows.create(spec(1, 1).build());
        fabric.loginHost(1);
        fabric.loginTarget(1);
        List<RewriteRule> permits = List.of(RewriteRule.permit(direct.value(), VSAN.value(), i, t, RewriteRule.ANY_LUN),
                RewriteRule.permit(direct.value(), VSAN.value(), t, i, RewriteRule.ANY_LUN));
        assertEquals(permits, flows.rules(direct));

        fabric.appliances.add(appliance("enc1", "g", 1));
        FlowId bypassed = flows.create(spec(1, 2).appliance("enc1").failover(FailoverMode.BYPASS).build());
        fabric.loginTarget(2);
        fabric.appliances.markUnhealthy("enc1", "down");
        int t2 = targetFcid(2).value();
        assertEquals(List.of(RewriteRule.permit(bypassed.value(), VSAN.value(), i, t2, RewriteRule.ANY_LUN),
                RewriteRule.permit(bypassed.value(), VSAN.value(), t2, i, RewriteRule.ANY_LUN)), flows.rules(bypassed));
    }

    @Test
    void aDroppedOrBlockedFlowIsDroppedBothWays() {
        FakePolicy policy = new FakePolicy();
        policy.decide = c -> FakePolicy.of("deny", FlowAction.DROP);
        flows.bindPolicy(policy);
        FlowId dropped = flows.create(spec(1, 1).build());
        fabric.loginHost(1);
        fabric.loginTarget(1);
        assertEquals(List.of(RewriteRule.drop(dropped.value(), VSAN.value(), i, t, RewriteRule.ANY_LUN),
                RewriteRule.drop(dropped.value(), VSAN.value(), t, i, RewriteRule.ANY_LUN)), flows.rules(dropped));

        fabric.appliances.add(appliance("enc1", "g", 1));
        FlowId blocked = flows.create(spec(1, 2).appliance("enc1").failover(FailoverMode.BLOCK).build());
        fabric.loginTarget(2);
        fabric.appliances.markUnhealthy("enc1", "down");
        int t2 = targetFcid(2).value();
        assertEquals(List.of(RewriteRule.drop(blocked.value(), VSAN.value(), i, t2, RewriteRule.ANY_LUN),
                RewriteRule.drop(blocked.value(), VSAN.value(), t2, i, RewriteRule.ANY_LUN)), flows.rules(blocked));
    }

    @Test
    void aPendingFlowHasNoRules() {
        FlowId id = flows.create(spec(1, 1).build());
        fabric.loginHost(1);
        assertTrue(flows.rules(id).isEmpty());
    }

    @Test
    void aLunNarrowedFlowCarriesTheRawFcpLun() {
        FlowId id = flows.create(spec(1, 1).lun(260).build());
        fabric.loginHost(1);
        fabric.loginTarget(1);
        assertTrue(flows.rules(id).stream().allMatch(r -> r.lun() == Lun.of(260)));
    }

    @Test
    void aSinkGetsTheFullTableWhenItAppearsThenEachChange() {
        FlowId active = activeFlow(FailoverMode.BYPASS);
        FlowId pending = flows.create(spec(1, 2).build());
        flows.bindRuleSink(sink);
        RuleBatch first = sink.batches.get(0);
        assertTrue(first.reset());
        assertEquals(4, sink.ruleCount());
        assertEquals(flows.rules(active), sink.rulesOf(active.value()));

        fabric.loginTarget(2);
        assertEquals(flows.rules(pending), sink.rulesOf(pending.value()));
        fabric.appliances.markUnhealthy("enc1", "down");
        assertEquals(List.of(RuleAction.PERMIT, RuleAction.PERMIT),
                sink.rulesOf(active.value()).stream().map(RewriteRule::action).toList());
        flows.delete(active);
        assertTrue(sink.rulesOf(active.value()).isEmpty());
        fabric.logins.logout(VSAN, target(2));
        assertTrue(sink.rulesOf(pending.value()).isEmpty());
        assertEquals(0, sink.ruleCount());
    }

    @Test
    void aRefusedBatchIsMadeGoodByAFullTableWithTheNextChange() {
        flows.bindRuleSink(sink);
        activeFlow(FailoverMode.BLOCK);
        sink.refuse = true;
        FlowId missed = flows.create(spec(2, 1).build());
        fabric.loginHost(2);
        sink.refuse = false;
        int accepted = sink.batches.size();
        flows.create(spec(3, 1).build());
        assertTrue(sink.batches.get(accepted).reset(), "the next batch starts a full table");
        assertEquals(flows.rules(missed), sink.rulesOf(missed.value()));
    }

    @Test
    void aSinkThatGoesAwayGetsNothingMore() {
        flows.bindRuleSink(sink);
        int before = sink.batches.size();
        flows.unbindRuleSink(sink);
        activeFlow(FailoverMode.BLOCK);
        assertEquals(before, sink.batches.size());
    }
}
