package org.fcredirect.monitor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.ApplianceSpec;
import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowSpec;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.flow.api.VirtualPorts;
import org.fcredirect.flow.impl.FlowManager;
import org.fcredirect.monitor.api.HealthStatus;
import org.fcredirect.storage.testkit.InMemoryEventLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The monitor drives the real flow manager: when appliance a1 misses its heartbeats, each of its
 * flows follows its failover mode within interval x threshold, and comes back when a1 recovers.
 */
class FailoverModesTest {
    private static final VsanId VSAN = VsanId.of(10);

    private final ManualScheduler time = new ManualScheduler();
    private final InMemoryEventLog log = new InMemoryEventLog();
    private final FlowManager flows = new FlowManager(log, Monitors.flowConfig());
    private final MonitorManager monitor = Monitors.direct(time, Monitors.settings(true));
    private FlowId standby;
    private FlowId bypass;
    private FlowId block;

    FailoverModesTest() {
        monitor.log = log;
        monitor.inventory = flows;
        flows.add(appliance("a1", 1));
        flows.add(appliance("a2", 2));
        standby = redirected(1, FailoverMode.STANDBY);
        bypass = redirected(2, FailoverMode.BYPASS);
        block = redirected(3, FailoverMode.BLOCK);
        flows.login(VSAN, Wwn.of(0x5006_0160_0000_0001L), FcId.of(0x020001));
    }

    @AfterEach
    void stop() {
        monitor.deactivate();
    }

    private FlowId redirected(int host, FailoverMode mode) {
        Wwn initiator = Wwn.of(0x2000_0025_b500_0000L + host);
        flows.login(VSAN, initiator, FcId.of(0x010000 + host));
        return flows.create(FlowSpec.builder().vsan(VSAN).initiator(initiator).target(Wwn.of(0x5006_0160_0000_0001L))
                .appliance("a1").failover(mode).build());
    }

    private static ApplianceSpec appliance(String name, int n) {
        return ApplianceSpec.builder(name).group("g").ports(new VirtualPorts(VSAN, Wwn.of(0x5000_0000_0000_0000L + n * 2L),
                FcId.of(0x030000 + n * 16), Wwn.of(0x5000_0000_0000_0001L + n * 2L), FcId.of(0x030001 + n * 16)))
                .build();
    }

    private Flow flow(FlowId id) {
        return flows.get(id).orElseThrow();
    }

    /** Both appliances heartbeat, except those named silent, for {@code millis}. */
    private void run(long millis, String... silent) {
        for (long t = 0; t < millis; t += 250) {
            if (t % 1000 == 0) {
                for (String a : new String[] {"a1", "a2"}) {
                    if (!List.of(silent).contains(a)) {
                        monitor.heartbeat(a);
                    }
                }
            }
            time.advanceMillis(250);
        }
    }

    @Test
    void everyFlowOfAFailedApplianceFollowsItsFailoverModeAndComesBackOnRecovery() {
        run(2000);
        assertEquals(FlowState.ACTIVE, flow(standby).state());
        long lastHeartbeat = time.clock.millis() - 1000;
        while (monitor.appliance("a1").orElseThrow().status() == HealthStatus.HEALTHY) {
            run(250, "a1");
        }
        assertTrue(time.clock.millis() - lastHeartbeat <= 3000, "within interval x threshold");

        assertEquals(FlowState.ACTIVE, flow(standby).state());
        assertEquals(Optional.of("a2"), flow(standby).appliance(), "standby: carried by another appliance of the group");
        assertEquals(FlowState.BYPASSED, flow(bypass).state(), "bypass: the direct path");
        assertEquals(FlowState.BLOCKED, flow(block).state(), "block: frames dropped");
        assertEquals(Optional.of("missed 3 heartbeats"), flows.get("a1").orElseThrow().unhealthyReason());

        run(1000);
        assertEquals(HealthStatus.HEALTHY, monitor.appliance("a1").orElseThrow().status());
        assertEquals(Optional.of("a1"), flow(standby).appliance(), "failback to the home appliance");
        assertEquals(FlowState.ACTIVE, flow(bypass).state());
        assertEquals(FlowState.ACTIVE, flow(block).state());
    }
}
