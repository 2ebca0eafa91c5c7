package org.fcredirect.policy.impl;

import static org.fcredirect.policy.impl.Policies.context;
import static org.fcredirect.policy.impl.Policies.host;
import static org.fcredirect.policy.impl.Policies.policy;
import static org.fcredirect.policy.impl.Policies.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.fcredirect.flow.testkit.FakeInventory;
import org.fcredirect.fc.VsanId;
import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.policy.api.Balancing;
import org.fcredirect.policy.api.Decision;
import org.fcredirect.policy.api.FlowContext;
import org.fcredirect.storage.testkit.InMemoryEventLog;
import org.junit.jupiter.api.Test;

/** Every action, every match kind, every balancing strategy. */
class EvaluationTest {
    private final FakeInventory inventory = new FakeInventory().with("a1", "enc", 1, 10, 20).with("a2", "enc", 1, 10, 20)
            .with("a3", "enc", 1, 10).with("m1", "mig", 1, 10);
    private final PolicyManager engine = new PolicyManager(new InMemoryEventLog(), inventory,
            new PolicySettings(0, 0, FlowAction.PERMIT, 5));

    @Test
    void noMatchGivesTheDefaultAction() {
        Decision d = engine.evaluate(context(10, 1, 1));
        assertEquals(Decision.noMatch(FlowAction.PERMIT), d);
        assertTrue(!d.matched());
    }

    @Test
    void permitDropAndRedirectEachDecide() {
        engine.add(policy("name=deny priority=1 target=" + target(1) + " action=drop"));
        engine.add(policy("name=open priority=1 target=" + target(2) + " action=permit"));
        engine.add(policy("name=enc priority=1 target=" + target(3) + " action=redirect group=mig failover=bypass"));
        assertEquals(FlowAction.DROP, engine.evaluate(context(10, 1, 1)).action());
        assertEquals(Optional.of("deny"), engine.evaluate(context(10, 1, 1)).policy());
        assertEquals(FlowAction.PERMIT, engine.evaluate(context(10, 1, 2)).action());
        Decision redirect = engine.evaluate(context(10, 1, 3));
        assertEquals(FlowAction.REDIRECT, redirect.action());
        assertEquals(Optional.of("m1"), redirect.appliance());
        assertEquals(Optional.of("mig"), redirect.group());
        assertEquals(Optional.of(FailoverMode.BYPASS), redirect.failover());
        assertEquals(Optional.of(Balancing.TARGET_AFFINITY), redirect.balancing());
    }

    @Test
    void theLowestPriorityNumberThatMatchesWins() {
        engine.add(policy("name=broad priority=20 action=permit"));
        engine.add(policy("name=narrow priority=10 initiator=20:00:00:25:b5:* action=drop"));
        assertEquals(Optional.of("narrow"), engine.evaluate(context(10, 1, 1)).policy());
        assertEquals(Optional.of("broad"), engine.evaluate(FlowContext.of(VsanId.of(10), target(9), target(1))).policy());
    }

    @Test
    void matchesByVsanSetPatternsAndLunRange() {
        engine.add(policy("name=p priority=1 vsan=10,30 initiator=20000025b5* target=" + target(1) + " lun=0-9 action=drop"));
        assertEquals(FlowAction.DROP, engine.evaluate(lun(context(10, 1, 1), 9)).action());
        assertEquals(FlowAction.DROP, engine.evaluate(lun(context(30, 1, 1), 0)).action());
        assertEquals(FlowAction.PERMIT, engine.evaluate(lun(context(20, 1, 1), 5)).action(), "VSAN not in the set");
        assertEquals(FlowAction.PERMIT, engine.evaluate(lun(context(10, 1, 1), 10)).action(), "LUN out of range");
        assertEquals(FlowAction.PERMIT, engine.evaluate(context(10, 1, 1)).action(), "a whole-pair flow has no LUN");
        assertEquals(FlowAction.PERMIT, engine.evaluate(lun(context(10, 1, 2), 1)).action(), "another target");
    }

    private static FlowContext lun(FlowContext c, int lun) {
        return new FlowContext(c.vsan(), c.initiator(), c.target(), OptionalInt.of(lun));
    }

    @Test
    void targetAffinitySendsEveryHostOfATargetToOneApplianceAndSpreadsTargets() {
        engine.add(policy("name=enc action=redirect group=enc balancing=target-affinity"));
        Map<Integer, String> byTarget = new HashMap<>();
        for (int t = 0; t < 60; t++) {
            for (int h = 0; h < 5; h++) {
                String a = engine.evaluate(context(10, h, t)).appliance().orElseThrow();
                assertEquals(byTarget.computeIfAbsent(t, k -> a), a, "every host of target " + t);
            }
        }
        assertEquals(Set.of("a1", "a2", "a3"), new HashSet<>(byTarget.values()));
    }

    @Test
    void targetAffinityMovesOnlyTheTargetsOfAMemberThatLeaves() {
        engine.add(policy("name=enc action=redirect group=enc"));
        Map<Integer, String> before = new HashMap<>();
        for (int t = 0; t < 60; t++) {
            before.put(t, engine.evaluate(context(10, 1, t)).appliance().orElseThrow());
        }
        inventory.markUnhealthy("a3", "down");
        for (int t = 0; t < 60; t++) {
            String now = engine.evaluate(context(10, 1, t)).appliance().orElseThrow();
            if (!before.get(t).equals("a3")) {
                assertEquals(before.get(t), now, "target " + t + " stays");
            }
        }
    }

    @Test
    void leastLoadedWeighsFlowsByWeight() {
        FakeInventory weighted = new FakeInventory().with("big", "g", 4, 10).with("small", "g", 1, 10);
        PolicyManager e = new PolicyManager(new InMemoryEventLog(), weighted, new PolicySettings(0, 0, FlowAction.PERMIT, 5));
        e.add(policy("name=ll action=redirect group=g balancing=least-loaded"));
        weighted.load("big", 30);
        weighted.load("small", 10);
        assertEquals(Optional.of("big"), e.evaluate(context(10, 1, 1)).appliance(), "30/4 < 10/1");
        weighted.load("big", 50);
        assertEquals(Optional.of("small"), e.evaluate(context(10, 1, 1)).appliance(), "50/4 > 10/1");
    }

    @Test
    void roundRobinTakesTheMembersInTurn() {
        engine.add(policy("name=rr action=redirect group=enc balancing=round-robin vsan=20"));
        List<String> turns = List.of(0, 1, 2, 3).stream()
                .map(h -> engine.evaluate(context(20, h, 1)).appliance().orElseThrow()).toList();
        assertEquals(List.of("a1", "a2", "a1", "a2"), turns, "a3 serves no VSAN 20");
    }

    @Test
    void unhealthyMembersAreSkippedAndAGroupWithoutMembersOffersNone() {
        engine.add(policy("name=mig action=redirect group=mig balancing=least-loaded"));
        assertEquals(Optional.of("m1"), engine.evaluate(context(10, 1, 1)).appliance());
        inventory.markUnhealthy("m1", "down");
        Decision d = engine.evaluate(context(10, 1, 1));
        assertEquals(FlowAction.REDIRECT, d.action());
        assertEquals(Optional.empty(), d.appliance());
        assertEquals(Optional.empty(), engine.evaluate(context(30, 1, 1)).appliance(), "no member in VSAN 30");
    }

    @Test
    void aPolicyForInitiatorsMatchesOnlyThem() {
        engine.add(policy("name=host1 initiator=" + host(1) + " action=drop"));
        assertEquals(FlowAction.DROP, engine.evaluate(context(10, 1, 5)).action());
        assertEquals(FlowAction.PERMIT, engine.evaluate(context(10, 2, 5)).action());
    }
}
