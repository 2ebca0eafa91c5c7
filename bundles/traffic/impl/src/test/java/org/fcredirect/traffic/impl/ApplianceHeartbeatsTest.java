package org.fcredirect.traffic.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.fcredirect.flow.testkit.ManualScheduler;
import org.junit.jupiter.api.Test;

/** The generator's appliances heartbeat on the scheduler, at half the monitor's interval, while they exist. */
class ApplianceHeartbeatsTest {
    private final ManualScheduler time = new ManualScheduler();
    private final Set<String> inventory = ConcurrentHashMap.newKeySet();
    private final FakeMonitor monitor = new FakeMonitor(inventory::contains);
    private volatile FakeMonitor bound = monitor;
    private final ApplianceHeartbeats heartbeats = new ApplianceHeartbeats(() -> bound,
            (delay, task) -> time.after(delay, task)::run);

    ApplianceHeartbeatsTest() {
        inventory.addAll(List.of("trafgen-0", "trafgen-1"));
    }

    @Test
    void everyDeclaredApplianceHeartbeatsAtOnceThenEveryHalfInterval() {
        heartbeats.declared(List.of("trafgen-0", "trafgen-1"));
        time.advanceMillis(0);
        assertEquals(1, monitor.beats("trafgen-0"), "the first heartbeat goes at once");
        assertEquals(1, monitor.beats("trafgen-1"));

        time.advanceMillis(499);
        assertEquals(1, monitor.beats("trafgen-0"));
        time.advanceMillis(1);
        assertEquals(2, monitor.beats("trafgen-0"), "half of the monitor's 1000 ms interval");
        time.advanceMillis(10_000);
        assertEquals(22, monitor.beats("trafgen-0"));
        assertEquals(22, monitor.beats("trafgen-1"));
    }

    @Test
    void aChangedHeartbeatIntervalIsFollowedFromTheNextRound() {
        heartbeats.declared(List.of("trafgen-0"));
        time.advanceMillis(0);
        monitor.interval = Duration.ofMillis(200);
        time.advanceMillis(500);  // the round due now reads the new interval
        long before = monitor.beats("trafgen-0");
        time.advanceMillis(1000);
        assertEquals(before + 10, monitor.beats("trafgen-0"));
    }

    @Test
    void withoutAMonitorNothingIsSentAndHeartbeatsStartWhenOneComes() {
        bound = null;
        heartbeats.declared(List.of("trafgen-0"));
        time.advanceMillis(5_000);
        assertEquals(0, monitor.beats("trafgen-0"));
        assertTrue(heartbeats.scheduled(), "still looking for a monitor");

        bound = monitor;
        time.advanceMillis(1_000);
        assertEquals(1, monitor.beats("trafgen-0"), "found within the default interval");
        time.advanceMillis(1_000);
        assertEquals(3, monitor.beats("trafgen-0"));
    }

    @Test
    void removedAppliancesStopAndTheRoundsEndWithTheLast() {
        heartbeats.declared(List.of("trafgen-0", "trafgen-1"));
        time.advanceMillis(0);
        heartbeats.removed(List.of("trafgen-0"));
        time.advanceMillis(2_000);
        assertEquals(1, monitor.beats("trafgen-0"));
        assertEquals(5, monitor.beats("trafgen-1"));

        heartbeats.removed(List.of("trafgen-1"));
        time.advanceMillis(2_000);
        assertEquals(5, monitor.beats("trafgen-1"));
        assertFalse(heartbeats.scheduled());
        assertEquals(0, time.pending(), "no timer left behind");
    }

    @Test
    void anApplianceTheInventoryNoLongerHasIsDroppedAndTheOthersGoOn() {
        heartbeats.declared(List.of("trafgen-0", "trafgen-1"));
        time.advanceMillis(0);
        inventory.remove("trafgen-0");  // fcr:appliance-remove
        time.advanceMillis(2_000);
        assertEquals(List.of("trafgen-1"), heartbeats.appliances());
        assertEquals(5, monitor.beats("trafgen-1"));

        inventory.add("trafgen-0");
        heartbeats.declared(List.of("trafgen-0"));  // a later run sets it up again
        time.advanceMillis(0);
        assertEquals(2, monitor.beats("trafgen-0"));
    }

    /**
     * The monitor ignores the heartbeats of an appliance whose outage is simulated, so they keep
     * going: its failure is the monitor's doing, and its recovery is immediate.
     */
    @Test
    void heartbeatsGoOnThroughASimulatedOutageAndTheMonitorIgnoresThem() {
        heartbeats.declared(List.of("trafgen-0"));
        time.advanceMillis(0);
        monitor.simulateFailure("trafgen-0");
        time.advanceMillis(2_000);
        assertEquals(5, monitor.beats("trafgen-0"));
        assertEquals(1, monitor.accepted("trafgen-0"), "ignored during the outage");
        monitor.simulateRecovery("trafgen-0");
        time.advanceMillis(500);
        assertEquals(2, monitor.accepted("trafgen-0"));
    }

    @Test
    void aDeclarationDuringRoundsKeepsOneChainOfRounds() {
        heartbeats.declared(List.of("trafgen-0"));
        time.advanceMillis(0);
        heartbeats.declared(List.of("trafgen-1"));
        time.advanceMillis(0);
        time.advanceMillis(2_000);
        assertEquals(6, monitor.beats("trafgen-0"), "one chain: 1 + 1 at the declaration + 4");
        assertEquals(5, monitor.beats("trafgen-1"));
        assertEquals(1, time.pending());
    }

    @Test
    void closingStopsEverything() {
        heartbeats.declared(List.of("trafgen-0"));
        time.advanceMillis(0);
        heartbeats.close();
        time.advanceMillis(5_000);
        assertEquals(1, monitor.beats("trafgen-0"));
        assertEquals(0, time.pending());
        heartbeats.declared(List.of("trafgen-0"));
        time.advanceMillis(0);
        assertEquals(1, monitor.beats("trafgen-0"), "a closed fast path heartbeats nothing");
    }

    @Test
    void aMonitorThatThrowsIsRetriedNextRound() {
        heartbeats.declared(List.of("trafgen-0"));
        FakeMonitor broken = new FakeMonitor(n -> {
            throw new IllegalStateException("monitor deactivated");
        });
        bound = broken;
        time.advanceMillis(3_000);
        assertTrue(heartbeats.scheduled());
        bound = monitor;
        time.advanceMillis(1_000);
        assertTrue(monitor.beats("trafgen-0") >= 1);
    }
}
