package org.fcredirect.flow.impl;

import static org.fcredirect.flow.impl.Fabric.appliance;
import static org.fcredirect.flow.impl.Fabric.spec;
import static org.fcredirect.flow.impl.Fabric.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.FlowFilter;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.flow.api.ValidationException;
import org.fcredirect.monitor.api.HealthResult;
import org.fcredirect.policy.api.Policy;
import org.fcredirect.policy.api.PolicyService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The flow manager and the real policy engine on one log, wired as in the container. */
class WithPolicyEngineTest {
    private final Fabric fabric = new Fabric();
    private final FlowManager flows = fabric.flows;
    private PolicyService engine;

    @BeforeEach
    void wire() {
        engine = PolicyEngines.start(fabric.log, fabric.appliances);
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

    private List<Flow> all() {
        return flows.list(FlowFilter.all(), 0, 1000).flows();
    }

    private static Policy policy(String text) {
        return Policy.fromFields(Arrays.stream(text.split(" ")).map(kv -> kv.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1])));
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
    }

    @Test
    void aPolicyRedirectsTheFlowsItMatchesWithTargetAffinityAndItsRemovalSendsThemDirect() {
        for (int h = 1; h <= 10; h++) {
            for (int t = 1; t <= 6; t++) {
                flows.create(spec(h, t).build());
            }
        }
        assertEquals(60L, flows.countByState().get(FlowState.DIRECT));
        engine.add(policy("name=enc priority=10 target=50:06:01:60:* action=redirect group=enc failover=block"));
        assertEquals(60L, flows.countByState().get(FlowState.ACTIVE));
        Map<String, Set<String>> appliancesByTarget = all().stream().collect(Collectors.groupingBy(
                f -> f.spec().target().toString(), Collectors.mapping(f -> f.appliance().orElseThrow(), Collectors.toSet())));
        appliancesByTarget.values().forEach(set -> assertEquals(1, set.size(), "one appliance per target"));
        assertTrue(new HashSet<>(appliancesByTarget.values()).size() > 1, "targets spread over the group");
        engine.remove("enc");
        assertEquals(60L, flows.countByState().get(FlowState.DIRECT));
    }

    @Test
    void aPolicyChangeReachesOnlyTheFlowsItMatches() {
        flows.create(spec(1, 1).build());
        flows.create(spec(1, 2).build());
        engine.add(policy("name=deny priority=5 target=" + target(2) + " action=drop"));
        assertEquals(FlowState.DIRECT, flows.list(FlowFilter.builder().target(target(1)).build(), 0, 1).flows().get(0)
                .state());
        assertEquals(FlowState.DROPPED, flows.list(FlowFilter.builder().target(target(2)).build(), 0, 1).flows().get(0)
                .state());
    }

    @Test
    void concurrentFlowPolicyAndHealthChangesFinishAndRebuildToTheSameState() throws Exception {
        engine.add(policy("name=enc priority=100 action=redirect group=enc balancing=least-loaded"));
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
                    engine.add(policy("name=p" + i + " priority=" + (i + 1) + " target=" + target(i % 6 + 1)
                            + " action=" + (i % 2 == 0 ? "drop" : "permit")));
                    engine.remove("p" + i);
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
        PolicyService again = PolicyEngines.start(fabric.log, fabric.appliances);
        fabric.flows.bindPolicy(again);
        assertEquals(before, PersistenceTest.dump(fabric));
    }

    @Test
    void anExplicitApplianceNeedsNoPolicy() {
        assertEquals("appliance", assertThrows(ValidationException.class,
                () -> flows.create(spec(1, 1).appliance("a9").build())).field());
        flows.create(spec(1, 1).appliance("a3").build());
        assertEquals("a3", all().get(0).appliance().orElseThrow());
    }
}
