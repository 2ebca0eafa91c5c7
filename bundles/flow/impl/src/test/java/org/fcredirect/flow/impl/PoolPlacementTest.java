package org.fcredirect.flow.impl;

import static org.fcredirect.flow.impl.Fabric.appliance;
import static org.fcredirect.flow.impl.Fabric.pooled;
import static org.fcredirect.flow.impl.Fabric.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.fcredirect.fc.FcId;
import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.flow.api.PoolUse;
import org.fcredirect.flow.api.PortAllocation;
import org.fcredirect.flow.api.ValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Flows take the VT of their target and the VI of their host on their appliance, and give them back. */
class PoolPlacementTest {
    private static final int A1 = 0x041000;
    private static final int A2 = 0x042000;

    private Fabric fabric = new Fabric(Fabric.settings(0, true, FailoverMode.STANDBY));

    @AfterEach
    void close() {
        fabric.close();
    }

    private Flow flow(FlowId id) {
        return fabric.flows.get(id).orElseThrow();
    }

    private FlowId flow(int host, int target, String appliance, FailoverMode mode) {
        fabric.loginHost(host);
        fabric.loginTarget(target);
        return fabric.flows.create(spec(host, target).appliance(appliance).failover(mode).build());
    }

    private static int vt(Flow f) {
        return f.virtualTarget().orElseThrow().fcid().value();
    }

    private static int vi(Flow f) {
        return f.virtualInitiator().orElseThrow().fcid().value();
    }

    @Test
    void manyHostsToOneTargetShareItsVtEachWithItsOwnViAndTheRulesUseThePair() {
        fabric.appliances.add(pooled("a1", "g", 1, 16));
        RecordingSink sink = new RecordingSink();
        fabric.store.bindRuleSink(sink);
        FlowId f1 = flow(1, 1, "a1", FailoverMode.BLOCK);
        FlowId f2 = flow(2, 1, "a1", FailoverMode.BLOCK);
        FlowId f3 = flow(1, 2, "a1", FailoverMode.BLOCK);
        assertEquals(A1, vt(flow(f1)));
        assertEquals(A1 + 1, vi(flow(f1)));
        assertEquals(A1, vt(flow(f2)));
        assertEquals(A1 + 2, vi(flow(f2)));
        assertEquals(A1 + 3, vt(flow(f3)));
        assertEquals(A1 + 1, vi(flow(f3)));
        assertEquals(FlowState.ACTIVE, flow(f2).state());
        assertEquals(String.format("[flow 2 vsan 10 0x010002->0x020001 -> 0x010002->0x%06x, "
                + "flow 2 vsan 10 0x%06x->0x020001 -> 0x010002->0x020001, "
                + "flow 2 vsan 10 0x020001->0x010002 -> 0x020001->0x%06x, "
                + "flow 2 vsan 10 0x%06x->0x010002 -> 0x020001->0x010002]", A1, A1 + 2, A1 + 2, A1),
                sink.rulesOf(f2.value()).toString());
        assertEquals(List.of(new PoolUse(Fabric.VSAN, 4, 16, 0)), fabric.appliances.poolUse("a1"));
        List<PortAllocation> ports = fabric.appliances.allocations("a1");
        assertEquals(4, ports.size());
        assertEquals(PortAllocation.Role.VT, ports.get(0).role());
        assertEquals(Fabric.target(1), ports.get(0).standsFor());
        assertEquals(2, ports.get(0).flows());
        assertEquals(Fabric.pool(1, 16).pwwn(0), ports.get(0).address().pwwn());
    }

    @Test
    void theLastFlowOfATargetOrHostFreesItsPortAndAWaitingFlowTakesIt() {
        fabric.appliances.add(pooled("a1", "g", 1, 2));
        FlowId f1 = flow(1, 1, "a1", FailoverMode.BLOCK);
        FlowId waiting = flow(2, 2, "a1", FailoverMode.BYPASS);
        FlowId blocked = flow(3, 3, "a1", FailoverMode.BLOCK);
        assertEquals(FlowState.BYPASSED, flow(waiting).state(), "no room: bypass mode lets it pass directly");
        assertEquals(FlowState.BLOCKED, flow(blocked).state(), "no room: block mode blocks it");
        assertEquals(Optional.of("no free virtual port on a1 in VSAN 10 (2 of 2 in use)"), flow(waiting).issue());
        assertEquals(Optional.empty(), flow(waiting).virtualTarget());
        assertEquals(List.of(new PoolUse(Fabric.VSAN, 2, 2, 2)), fabric.appliances.poolUse("a1"));
        fabric.flows.delete(f1);
        assertEquals(FlowState.ACTIVE, flow(waiting).state(), "the freed pair goes to the lowest waiting flow id");
        assertEquals(A1, vt(flow(waiting)));
        assertEquals(Optional.empty(), flow(waiting).issue());
        assertEquals(FlowState.BLOCKED, flow(blocked).state());
        assertEquals(List.of(new PoolUse(Fabric.VSAN, 2, 2, 1)), fabric.appliances.poolUse("a1"));
    }

    @Test
    void aStandbyFlowThatFindsNoRoomGoesToAMemberWithRoom() {
        fabric.appliances.add(pooled("a1", "g", 1, 2));
        fabric.appliances.add(pooled("a2", "g", 2, 8));
        flow(1, 1, "a1", FailoverMode.STANDBY);
        FlowId second = flow(2, 2, "a1", FailoverMode.STANDBY);
        Flow f = flow(second);
        assertEquals(Optional.of("a2"), f.appliance());
        assertEquals(Optional.of("a1"), f.homeAppliance());
        assertEquals(FlowState.ACTIVE, f.state());
        assertEquals(A2, vt(f));
    }

    @Test
    void failoverAllocatesOnTheStandbyAndFailbackFreesIt() {
        fabric.appliances.add(pooled("a1", "g", 1, 16));
        fabric.appliances.add(pooled("a2", "g", 2, 16));
        FlowId f1 = flow(1, 1, "a1", FailoverMode.STANDBY);
        FlowId f2 = flow(2, 1, "a1", FailoverMode.STANDBY);
        fabric.appliances.markUnhealthy("a1", "heartbeat lost");
        assertEquals(Optional.of("a2"), flow(f1).appliance());
        assertEquals(A2, vt(flow(f1)));
        assertEquals(A2, vt(flow(f2)), "both flows of the target share its VT on the standby");
        assertNotEquals(vi(flow(f1)), vi(flow(f2)));
        assertEquals(0, fabric.appliances.poolUse("a1").get(0).allocated(), "a1 freed what the flows held");
        assertEquals(3, fabric.appliances.poolUse("a2").get(0).allocated());
        fabric.appliances.markHealthy("a1");
        assertEquals(Optional.of("a1"), flow(f1).appliance());
        assertEquals(A1, vt(flow(f1)));
        assertEquals(0, fabric.appliances.poolUse("a2").get(0).allocated(), "failback frees the standby's ports");
        assertEquals(FlowState.ACTIVE, flow(f2).state());
    }

    @Test
    void aRestartAndASnapshotGiveEveryFlowTheSameAddresses() {
        for (int snapshotEvery : new int[] {0, 1, 5}) {
            fabric.close();
            fabric = new Fabric(Fabric.settings(snapshotEvery, true, FailoverMode.STANDBY));
            fabric.appliances.add(pooled("a1", "g", 1, 6));
            fabric.appliances.add(pooled("a2", "g", 2, 6));
            for (int h = 1; h <= 6; h++) {
                flow(h, h % 3, h % 2 == 0 ? "a1" : "a2", h == 5 ? FailoverMode.BLOCK : FailoverMode.STANDBY);
            }
            fabric.flows.delete(FlowId.of(2));
            fabric.appliances.markUnhealthy("a2", "maintenance");
            flow(7, 1, "a1", FailoverMode.BYPASS);
            String before = PersistenceTest.dump(fabric) + fabric.appliances.allocations("a1")
                    + fabric.appliances.allocations("a2") + fabric.appliances.poolUse("a1");
            fabric.restart();
            assertEquals(before, PersistenceTest.dump(fabric) + fabric.appliances.allocations("a1")
                    + fabric.appliances.allocations("a2") + fabric.appliances.poolUse("a1"), "snapshot every " + snapshotEvery);
        }
    }

    @Test
    void poolsMayNotShareAddressesWithAppliancesOrLoggedInPorts() {
        fabric.appliances.add(pooled("a1", "g", 1, 16));
        assertThrows(ValidationException.class, () -> fabric.appliances.add(pooled("a2", "g", 1, 4)));
        fabric.appliances.add(appliance("fixed", "g", 1));
        fabric.logins.login(Fabric.VSAN, Fabric.host(99), FcId.of(0x043005));
        ValidationException e = assertThrows(ValidationException.class,
                () -> fabric.appliances.add(pooled("a3", "g", 3, 16)));
        assertTrue(e.getMessage().contains("logged-in port"), e.getMessage());
        assertThrows(ValidationException.class, () -> fabric.logins.login(Fabric.VSAN, Fabric.host(98), FcId.of(A1 + 3)),
                "an address of a pool is the appliance's");
    }

    @Test
    void twoFlowsOnOneFixedPairThatCannotBeToldApartNameEachOther() {
        fabric.appliances.add(appliance("old", "g", 1));
        FlowId f1 = flow(1, 1, "old", FailoverMode.BLOCK);
        FlowId f2 = flow(2, 1, "old", FailoverMode.BLOCK);
        FlowId apart = flow(3, 3, "old", FailoverMode.BLOCK);
        assertTrue(flow(f1).issue().orElseThrow().contains("with flow " + f2.value()), flow(f1).issue().toString());
        assertTrue(flow(f2).issue().orElseThrow().contains("with flow " + f1.value()));
        assertEquals(Optional.empty(), flow(apart).issue(), "another target and host: no conflict");
    }
}
