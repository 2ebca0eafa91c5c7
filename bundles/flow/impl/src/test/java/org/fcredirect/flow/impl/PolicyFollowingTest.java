package org.fcredirect.flow.impl;

import static org.fcredirect.flow.impl.Fabric.appliance;
import static org.fcredirect.flow.impl.Fabric.spec;
import static org.fcredirect.flow.impl.Fabric.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.flow.api.FlowFilter;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.flow.api.ValidationException;
import org.fcredirect.flow.testkit.FakePolicy;
import org.fcredirect.monitor.api.HealthResult;
import org.fcredirect.policy.api.LunRange;
import org.fcredirect.policy.api.Policy;
import org.fcredirect.policy.api.PolicyEvent;
import org.fcredirect.policy.api.PolicyMatch;
import org.fcredirect.policy.api.WwnPattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The flow manager following a policy engine bound and unbound as SCR does, concurrent changes included. */
class PolicyFollowingTest {
    private final Fabric fabric = new Fabric();
    private final FlowManager flows = fabric.flows;
    private final FakePolicy engine = new FakePolicy();

    @BeforeEach
    void wire() {
        flows.bindPolicy(engine);
        fabric.appliances.add(appliance("a1", "enc", 1));
        fabric.appliances.add(appliance("a2", "enc", 2));
        fabric.appliances.add(appliance("a3", "enc", 3));
        for (int h = 1; h <= 10; h++) {
            fabric.loginHost(h);
        }
        for (int t = 1; t <= 6; t++) {
            fabric.loginTarget(t);
        }
    }

    @AfterEach
    void close() {
        fabric.close();
    }

    /** Tells the engine's listeners that a policy matching only {@code target} was added. */
    private void policyAddedFor(int target) {
        Policy p = Policy.builder("deny").priority(5).action(FlowAction.DROP)
                .match(PolicyMatch.of(Set.of(), WwnPattern.any(), WwnPattern.exact(target(target)), LunRange.any())).build();
        PolicyEvent added = new PolicyEvent(PolicyEvent.Type.ADDED, Optional.empty(), Optional.of(p));
        engine.listeners.forEach(l -> l.onEvent(added));
    }

    @Test
    void theHealthCheckCountsFlowsAndSaysWhetherThePolicyEngineDecides() {
        flows.create(spec(1, 1).build());
        HealthResult following = fabric.store.check();
        assertTrue(following.healthy());
        assertEquals("replayed and answering: 1 flows, 3 appliances (0 unhealthy)", following.message());
        assertEquals("1", following.details().get("flows." + FlowState.DIRECT));
        assertEquals("following", following.details().get("policyEngine"));
        flows.unbindPolicy(engine);
        assertEquals("absent: new flows get permit", fabric.store.check().details().get("policyEngine"));
        assertTrue(engine.listeners.isEmpty(), "unbinding stops listening");
    }

    @Test
    void aGreedyReplacementFollowsTheNewEngineAndForgetsTheOld() {
        FakePolicy newer = new FakePolicy();
        newer.decide = c -> FakePolicy.of("deny", FlowAction.DROP);
        flows.create(spec(1, 1).build());
        flows.bindPolicy(newer);
        flows.unbindPolicy(engine);
        assertEquals(FlowState.DROPPED, flows.list(FlowFilter.all(), 0, 1).flows().get(0).state());
        assertTrue(engine.listeners.isEmpty());
        assertEquals(1, newer.listeners.size());
    }

    @Test
    void aPolicyChangeReachesOnlyTheFlowsItMatches() {
        flows.create(spec(1, 1).build());
        flows.create(spec(1, 2).build());
        int before = engine.evaluated.size();
        engine.decide = c -> c.target().equals(target(2)) ? FakePolicy.of("deny", FlowAction.DROP)
                : FakePolicy.of("deny", FlowAction.PERMIT);
        policyAddedFor(2);
        assertEquals(before + 1, engine.evaluated.size(), "only the matching flow is decided again");
        assertEquals(FlowState.DIRECT, flows.list(FlowFilter.builder().target(target(1)).build(), 0, 1).flows().get(0)
                .state());
        assertEquals(FlowState.DROPPED, flows.list(FlowFilter.builder().target(target(2)).build(), 0, 1).flows().get(0)
                .state());
    }

    @Test
    void concurrentFlowPolicyAndHealthChangesFinishAndRebuildToTheSameState() throws Exception {
        engine.decide = c -> FakePolicy.redirect("enc", "enc", null, FailoverMode.STANDBY);
        engine.changed();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CompletableFuture<Void> creating = CompletableFuture.runAsync(() -> {
                for (int h = 1; h <= 10; h++) {
                    for (int t = 1; t <= 6; t++) {
                        flows.create(spec(h, t).build());
                    }
                }
            }, pool);
            CompletableFuture<Void> policies = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 20; i++) {
                    engine.changed();
                }
            }, pool);
            CompletableFuture<Void> health = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 20; i++) {
                    fabric.appliances.markUnhealthy("a" + (i % 3 + 1), "flap");
                    fabric.appliances.markHealthy("a" + (i % 3 + 1));
                }
            }, pool);
            CompletableFuture.allOf(creating, policies, health).get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(60L, flows.countByState().get(FlowState.ACTIVE));
        String before = PersistenceTest.dump(fabric);
        fabric.restart();
        fabric.flows.bindPolicy(engine);
        assertEquals(before, PersistenceTest.dump(fabric));
    }

    @Test
    void anExplicitApplianceNeedsNoPolicy() {
        flows.unbindPolicy(engine);
        assertEquals("appliance", assertThrows(ValidationException.class,
                () -> flows.create(spec(1, 1).appliance("a9").build())).field());
        flows.create(spec(1, 1).appliance("a3").build());
        assertEquals(List.of("a3"), flows.list(FlowFilter.all(), 0, 1).flows().stream()
                .map(f -> f.appliance().orElseThrow()).toList());
    }
}
