package org.fcredirect.flow.impl;

import org.fcredirect.flow.testkit.Await;
import org.fcredirect.flow.testkit.FakePolicy;
import static org.fcredirect.flow.impl.Fabric.appliance;
import static org.fcredirect.flow.impl.Fabric.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.FlowEvent;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.flow.api.ValidationException;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.follow.ChangeGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What an appliance failure and recovery do to its flows, per failover mode. */
class FailoverTest {
    private Fabric fabric = new Fabric();
    private FlowManager flows = fabric.flows;

    @AfterEach
    void close() {
        fabric.close();
    }

    private Flow flow(FlowId id) {
        return flows.get(id).orElseThrow();
    }

    private FlowId loggedInFlow(int host, int target, String appliance, FailoverMode mode) {
        FlowId id = flows.create(spec(host, target).appliance(appliance).failover(mode).build());
        fabric.loginHost(host);
        fabric.loginTarget(target);
        return id;
    }

    private void threeAppliances() {
        fabric.appliances.add(appliance("a1", "g", 1));
        fabric.appliances.add(appliance("a2", "g", 2));
        fabric.appliances.add(appliance("a3", "g", 3));
    }

    @Test
    void standbyFlowsMoveToAnotherHealthyMemberAndEveryFlowOfATargetToTheSameOne() {
        threeAppliances();
        List<FlowId> ids = new ArrayList<>();
        for (int h = 1; h <= 6; h++) {
            ids.add(loggedInFlow(h, 1, "a1", FailoverMode.STANDBY));
        }
        fabric.appliances.markUnhealthy("a1", "heartbeat lost");
        Optional<String> standby = flow(ids.get(0)).appliance();
        assertTrue(standby.isPresent() && !standby.get().equals("a1"));
        for (FlowId id : ids) {
            Flow f = flow(id);
            assertEquals(FlowState.ACTIVE, f.state());
            assertEquals(standby, f.appliance());
            assertEquals(Optional.of("a1"), f.homeAppliance());
            assertTrue(f.failedOver());
        }
        assertEquals(6, fabric.appliances.flowCount(standby.get()));
        assertEquals(0, fabric.appliances.flowCount("a1"));
    }

    @Test
    void bypassFlowsGoDirectAndBlockFlowsDropWhileTheApplianceIsDown() {
        fabric.appliances.add(appliance("a1", "g", 1));
        FlowId bypass = loggedInFlow(1, 1, "a1", FailoverMode.BYPASS);
        FlowId block = loggedInFlow(2, 1, "a1", FailoverMode.BLOCK);
        fabric.appliances.markUnhealthy("a1", "heartbeat lost");
        assertEquals(FlowState.BYPASSED, flow(bypass).state());
        assertEquals(FlowState.BLOCKED, flow(block).state());
        assertEquals(Optional.of("a1"), flow(block).appliance());
        fabric.appliances.markHealthy("a1");
        assertEquals(FlowState.ACTIVE, flow(bypass).state());
        assertEquals(FlowState.ACTIVE, flow(block).state());
    }

    @Test
    void standbyWithoutAHealthyMemberBlocksUntilOneComesBack() {
        fabric.appliances.add(appliance("a1", "g", 1));
        fabric.appliances.add(appliance("a2", "g", 2));
        FlowId id = loggedInFlow(1, 1, "a1", FailoverMode.STANDBY);
        fabric.appliances.markUnhealthy("a2", "maintenance");
        fabric.appliances.markUnhealthy("a1", "heartbeat lost");
        assertEquals(FlowState.BLOCKED, flow(id).state());
        fabric.appliances.markHealthy("a2");
        assertEquals(FlowState.ACTIVE, flow(id).state());
        assertEquals(Optional.of("a2"), flow(id).appliance());
    }

    @Test
    void recoveryMovesStandbyFlowsHomeWhenFailbackIsOn() {
        threeAppliances();
        FlowId id = loggedInFlow(1, 1, "a1", FailoverMode.STANDBY);
        fabric.appliances.markUnhealthy("a1", "heartbeat lost");
        assertTrue(flow(id).failedOver());
        fabric.appliances.markHealthy("a1");
        assertEquals(Optional.of("a1"), flow(id).appliance());
        assertFalse(flow(id).failedOver());
    }

    @Test
    void listenersHearAFailoverToAStandbyAndTheFailbackAsMovesWithTheApplianceBefore() {
        threeAppliances();
        FlowId id = loggedInFlow(1, 1, "a1", FailoverMode.STANDBY);
        List<FlowEvent> events = new CopyOnWriteArrayList<>();
        flows.addListener(events::add);
        fabric.appliances.markUnhealthy("a1", "heartbeat lost");
        String standby = flow(id).appliance().orElseThrow();
        fabric.appliances.markHealthy("a1");
        Await.until("failover and failback told", () -> events.stream().filter(FlowEvent::moved).count() == 2);
        List<FlowEvent> moves = events.stream().filter(FlowEvent::moved).toList();
        assertEquals(Optional.of("a1"), moves.get(0).previousAppliance());
        assertEquals(Optional.of(standby), moves.get(0).flow().appliance());
        assertEquals(Optional.of(FlowState.ACTIVE), moves.get(0).previousState());
        assertEquals(Optional.of(standby), moves.get(1).previousAppliance());
        assertEquals(Optional.of("a1"), moves.get(1).flow().appliance());
        assertTrue(events.stream().filter(e -> !e.moved()).allMatch(e -> e.previousAppliance().equals(e.flow().appliance())));
    }

    @Test
    void recoveryLeavesStandbyFlowsWhereTheyAreWhenFailbackIsOff() {
        fabric.close();
        fabric = new Fabric(Fabric.settings(0, false, FailoverMode.STANDBY));
        flows = fabric.flows;
        threeAppliances();
        FlowId id = loggedInFlow(1, 1, "a1", FailoverMode.STANDBY);
        fabric.appliances.markUnhealthy("a1", "heartbeat lost");
        String standby = flow(id).appliance().orElseThrow();
        fabric.appliances.markHealthy("a1");
        assertEquals(Optional.of(standby), flow(id).appliance());
        assertEquals(FlowState.ACTIVE, flow(id).state());
    }

    @Test
    void aStandbyThatFailsToo() {
        fabric.appliances.add(appliance("a1", "g", 1));
        fabric.appliances.add(appliance("a2", "g", 2));
        fabric.appliances.add(appliance("a3", "g", 3));
        FlowId id = loggedInFlow(1, 1, "a1", FailoverMode.STANDBY);
        fabric.appliances.markUnhealthy("a1", "down");
        String first = flow(id).appliance().orElseThrow();
        fabric.appliances.markUnhealthy(first, "down too");
        String second = flow(id).appliance().orElseThrow();
        assertFalse(second.equals("a1") || second.equals(first));
        assertEquals(FlowState.ACTIVE, flow(id).state());
    }

    @Test
    void everyTransitionIsAnEventInTheLog() {
        threeAppliances();
        loggedInFlow(1, 1, "a1", FailoverMode.STANDBY);
        int before = fabric.log.events().size();
        fabric.appliances.markUnhealthy("a1", "heartbeat lost");
        List<String> types = fabric.log.events().subList(before, fabric.log.events().size()).stream()
                .map(StoredEvent::type).toList();
        assertEquals(List.of("appliance-health", "flows-moved"), fabric.log.events().subList(before,
                fabric.log.events().size()).stream().flatMap(e -> ChangeGuard.decode(e.payload()).events().stream())
                .map(ChangeGuard.Inner::type).toList());
        assertEquals(List.of(ChangeGuard.TYPE, ChangeGuard.TYPE), types, "each change under its guard");
        fabric.appliances.markUnhealthy("a1", "again");
        assertEquals(before + 2, fabric.log.events().size(), "marking an unhealthy appliance again changes nothing");
    }

    @Test
    void anApplianceInUseCannotBeRemoved() {
        fabric.appliances.add(appliance("a1", "g", 1));
        FlowId id = flows.create(spec(1, 1).appliance("a1").build());
        ValidationException e = assertThrows(ValidationException.class, () -> fabric.appliances.remove("a1"));
        assertEquals("name", e.field());
        assertTrue(e.getMessage().contains("flow " + id), e.getMessage());
        flows.delete(id);
        fabric.appliances.remove("a1");
        assertTrue(fabric.appliances.get("a1").isEmpty());
    }

    @Test
    void flowsWhoseGroupHadNoApplianceAreDecidedAgainWhenOneIsAdded() {
        FakePolicy policy = new FakePolicy();
        policy.decide = c -> FakePolicy.redirect("enc", "g", fabric.appliances.list().isEmpty() ? null : "a1", FailoverMode.STANDBY);
        flows.bindPolicy(policy);
        FlowId id = flows.create(spec(1, 1).build());
        fabric.loginHost(1);
        fabric.loginTarget(1);
        assertEquals(FlowState.BLOCKED, flow(id).state());
        assertEquals(Optional.empty(), flow(id).homeAppliance());
        fabric.appliances.add(appliance("a1", "g", 1));
        assertEquals(FlowState.ACTIVE, flow(id).state());
        assertEquals(Optional.of("a1"), flow(id).homeAppliance());
    }
}
