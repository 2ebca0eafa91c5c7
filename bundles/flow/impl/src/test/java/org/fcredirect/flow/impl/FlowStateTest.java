package org.fcredirect.flow.impl;

import org.fcredirect.flow.testkit.Await;
import org.fcredirect.flow.testkit.FakePolicy;
import static org.fcredirect.flow.impl.Fabric.VSAN;
import static org.fcredirect.flow.impl.Fabric.appliance;
import static org.fcredirect.flow.impl.Fabric.host;
import static org.fcredirect.flow.impl.Fabric.hostFcid;
import static org.fcredirect.flow.impl.Fabric.spec;
import static org.fcredirect.flow.impl.Fabric.target;
import static org.fcredirect.flow.impl.Fabric.targetFcid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

import org.fcredirect.fc.FcId;
import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.flow.api.FlowEvent;
import org.fcredirect.flow.api.FlowFilter;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowPage;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.flow.api.PortLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every state a flow can be in, and how it gets there and back. */
class FlowStateTest {
    private final Fabric fabric = new Fabric();
    private final FlowManager flows = fabric.flows;

    @AfterEach
    void close() {
        fabric.close();
    }

    private Flow flow(FlowId id) {
        return flows.get(id).orElseThrow();
    }

    @Test
    void aFlowIsPendingUntilBothEndsLogInAndPendingAgainWhenOneLogsOut() {
        fabric.appliances.add(appliance("enc1", "g", 1));
        FlowId id = flows.create(spec(1, 1).appliance("enc1").build());
        assertEquals(FlowState.PENDING, flow(id).state());
        fabric.loginHost(1);
        assertEquals(FlowState.PENDING, flow(id).state());
        assertEquals(Optional.of(hostFcid(1)), flow(id).initiatorFcid());
        fabric.loginTarget(1);
        Flow active = flow(id);
        assertEquals(FlowState.ACTIVE, active.state());
        assertEquals(Optional.of(targetFcid(1)), active.targetFcid());
        assertEquals(Optional.of("enc1"), active.appliance());
        assertEquals(Optional.of("enc1"), active.homeAppliance());
        assertEquals(Optional.of("g"), active.group());
        assertTrue(active.updated().isAfter(active.created()));
        fabric.logins.logout(VSAN, target(1));
        assertEquals(FlowState.PENDING, flow(id).state());
        assertEquals(Optional.empty(), flow(id).targetFcid());
    }

    @Test
    void withoutAPolicyEngineAFlowGetsTheDefaultAction() {
        FlowId id = flows.create(spec(1, 1).build());
        fabric.loginHost(1);
        fabric.loginTarget(1);
        Flow f = flow(id);
        assertEquals(FlowState.DIRECT, f.state());
        assertEquals(FlowAction.PERMIT, f.action());
        assertEquals(Optional.empty(), f.policy());
    }

    @Test
    void aDropDecisionDropsAndAPermitGoesDirect() {
        FakePolicy policy = new FakePolicy();
        policy.decide = c -> FakePolicy.of("deny", c.target().equals(target(1)) ? FlowAction.DROP : FlowAction.PERMIT);
        flows.bindPolicy(policy);
        FlowId dropped = flows.create(spec(1, 1).build());
        FlowId direct = flows.create(spec(1, 2).build());
        fabric.logins.loginAll(List.of(new PortLogin(VSAN, host(1), hostFcid(1)), new PortLogin(VSAN, target(1), targetFcid(1)),
                new PortLogin(VSAN, target(2), targetFcid(2))));
        assertEquals(FlowState.DROPPED, flow(dropped).state());
        assertEquals(Optional.of("deny"), flow(dropped).policy());
        assertEquals(FlowState.DIRECT, flow(direct).state());
    }

    @Test
    void aRedirectDecisionMakesTheFlowActiveOnTheChosenAppliance() {
        fabric.appliances.add(appliance("a1", "g", 1));
        fabric.appliances.add(appliance("a2", "g", 2));
        FakePolicy policy = new FakePolicy();
        policy.decide = c -> FakePolicy.redirect("enc", "g", "a2", FailoverMode.BLOCK);
        flows.bindPolicy(policy);
        FlowId id = flows.create(spec(1, 1).build());
        fabric.loginHost(1);
        fabric.loginTarget(1);
        Flow f = flow(id);
        assertEquals(FlowState.ACTIVE, f.state());
        assertEquals(Optional.of("a2"), f.appliance());
        assertEquals(FailoverMode.BLOCK, f.failover());
        assertEquals(1, fabric.appliances.flowCount("a2"));
        assertEquals(0, fabric.appliances.flowCount("a1"));
    }

    @Test
    void theSpecsFailoverModeWinsOverThePolicysAndThePolicysOverTheDefault() {
        fabric.appliances.add(appliance("a1", "g", 1));
        FakePolicy policy = new FakePolicy();
        policy.decide = c -> FakePolicy.redirect("enc", "g", "a1", FailoverMode.BYPASS);
        flows.bindPolicy(policy);
        assertEquals(FailoverMode.BLOCK, flow(flows.create(spec(1, 1).failover(FailoverMode.BLOCK).build())).failover());
        assertEquals(FailoverMode.BYPASS, flow(flows.create(spec(1, 2).build())).failover());
        assertEquals(FailoverMode.STANDBY, flow(flows.create(spec(1, 3).appliance("a1").build())).failover());
    }

    @Test
    void aReloginWithAnotherFcidMovesTheFlowsFcid() {
        FlowId id = flows.create(spec(1, 1).build());
        fabric.loginHost(1);
        fabric.loginTarget(1);
        fabric.logins.login(VSAN, host(1), FcId.of(0x010099));
        assertEquals(Optional.of(FcId.of(0x010099)), flow(id).initiatorFcid());
        assertEquals(Optional.of(host(1)), fabric.logins.pwwnOf(VSAN, FcId.of(0x010099)));
        assertEquals(Optional.empty(), fabric.logins.pwwnOf(VSAN, hostFcid(1)));
        assertEquals(2, fabric.logins.loginCount());
    }

    @Test
    void countsByStateFollowEveryTransition() {
        fabric.appliances.add(appliance("a1", "g", 1));
        flows.create(spec(1, 1).appliance("a1").build());
        flows.create(spec(2, 1).build());
        assertEquals(2L, flows.countByState().get(FlowState.PENDING));
        fabric.loginHost(1);
        fabric.loginHost(2);
        fabric.loginTarget(1);
        assertEquals(1L, flows.countByState().get(FlowState.ACTIVE));
        assertEquals(1L, flows.countByState().get(FlowState.DIRECT));
        assertEquals(0L, flows.countByState().get(FlowState.PENDING));
        fabric.appliances.markUnhealthy("a1", "test");
        assertEquals(1L, flows.countByState().get(FlowState.BLOCKED));
        assertEquals(0L, flows.countByState().get(FlowState.ACTIVE));
    }

    @Test
    void listenersHearOfCreationUpdatesAndDeletionInOrder() {
        List<FlowEvent> events = new CopyOnWriteArrayList<>();
        flows.addListener(events::add);
        FlowId id = flows.create(spec(1, 1).build());
        fabric.loginHost(1);
        fabric.loginTarget(1);
        flows.delete(id);
        Await.until("four flow events", () -> events.size() == 4);
        assertEquals(FlowEvent.Type.CREATED, events.get(0).type());
        assertEquals(FlowEvent.Type.UPDATED, events.get(1).type());
        assertEquals(Optional.of(FlowState.PENDING), events.get(2).previousState());
        assertEquals(FlowState.DIRECT, events.get(2).flow().state());
        assertEquals(FlowEvent.Type.DELETED, events.get(3).type());
        assertEquals(id, events.get(3).flow().id());
    }

    @Test
    void listFiltersAndPagesInIdOrder() {
        fabric.appliances.add(appliance("a1", "g", 1));
        for (int t = 1; t <= 5; t++) {
            flows.create(spec(1, t).build());
            flows.create(spec(2, t).appliance("a1").build());
        }
        FlowPage page = flows.list(FlowFilter.builder().initiator(host(2)).build(), 1, 2);
        assertEquals(5, page.total());
        assertEquals(List.of(4L, 6L), page.flows().stream().map(f -> f.id().value()).toList());
        assertTrue(page.hasMore());
        assertEquals(5, flows.count(FlowFilter.builder().appliance("a1").build()));
        assertEquals(2, flows.count(FlowFilter.builder().target(target(3)).build()));
        assertEquals(10, flows.count(FlowFilter.builder().state(FlowState.PENDING).vsan(VSAN).build()));
        assertEquals(0, flows.count(FlowFilter.builder().appliance("nobody").build()));
        assertFalse(flows.list(FlowFilter.all(), 9, 5).hasMore());
    }

    @Test
    void findLocatesAFlowByIdentityWithItsLun() {
        FlowId whole = flows.create(spec(1, 1).build());
        FlowId lun3 = flows.create(spec(1, 1).lun(3).build());
        assertEquals(whole, flows.find(VSAN, host(1), target(1), OptionalInt.empty()).orElseThrow().id());
        assertEquals(lun3, flows.find(VSAN, host(1), target(1), OptionalInt.of(3)).orElseThrow().id());
        assertTrue(flows.find(VSAN, host(1), target(1), OptionalInt.of(4)).isEmpty());
    }

    @Test
    void deletingManyFlowsCompactsTheTableAndKeepsEverythingFindable() {
        for (int i = 1; i <= 3000; i++) {
            flows.create(spec(i, 1).build());
        }
        for (long id = 1; id <= 3000; id += 2) {
            flows.delete(FlowId.of(id));
        }
        assertEquals(1500, flows.count(FlowFilter.all()));
        assertTrue(flows.get(FlowId.of(3)).isEmpty());
        assertEquals(host(4), flows.get(FlowId.of(4)).orElseThrow().spec().initiator());
        fabric.loginTarget(1);
        fabric.loginHost(3000);
        assertEquals(FlowState.DIRECT, flows.get(FlowId.of(3000)).orElseThrow().state());
        assertEquals(1499L, flows.countByState().get(FlowState.PENDING));
        assertTrue(flows.find(VSAN, host(2998), target(1), OptionalInt.empty()).isPresent());
        assertTrue(flows.find(VSAN, host(2999), target(1), OptionalInt.empty()).isEmpty());
    }
}
