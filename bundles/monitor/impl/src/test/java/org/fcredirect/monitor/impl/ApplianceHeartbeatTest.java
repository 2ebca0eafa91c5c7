package org.fcredirect.monitor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.fcredirect.flow.testkit.FakeInventory;
import org.fcredirect.flow.testkit.ManualScheduler;
import org.fcredirect.monitor.api.HealthStatus;
import org.fcredirect.monitor.api.HealthTransition;
import org.fcredirect.monitor.api.TargetHealth;
import org.fcredirect.monitor.api.TargetKind;
import org.fcredirect.monitor.impl.Monitors.RecordingHandler;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.testkit.InMemoryEventLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Heartbeats every 1000 ms, 3 missed make an appliance unhealthy, evaluated every 250 ms; the
 * monitor's verdicts reach the (fake) inventory.
 */
class ApplianceHeartbeatTest {
    private final ManualScheduler time = new ManualScheduler();
    private final InMemoryEventLog log = new InMemoryEventLog(time.clock);
    private final FakeInventory inventory = new FakeInventory().with("enc-1", "enc-2");
    private final RecordingHandler handler = new RecordingHandler();
    private MonitorManager monitor;

    private void start(boolean failback) {
        monitor = Monitors.direct(time, Monitors.settings(failback));
        monitor.log = log;
        monitor.inventory = inventory;
        monitor.addFailoverHandler(handler);
    }

    @AfterEach
    void stop() {
        monitor.deactivate();
    }

    private TargetHealth enc1() {
        return monitor.appliance("enc-1").orElseThrow();
    }

    /** Heartbeats once a second for {@code seconds}. */
    private void heartbeating(String name, int seconds) {
        for (int i = 0; i < seconds; i++) {
            monitor.heartbeat(name);
            time.advanceMillis(1000);
        }
    }

    @Test
    void theThirdMissedHeartbeatMakesTheApplianceUnhealthyAndTheInventoryFailsItOver() {
        start(true);
        heartbeating("enc-1", 1);
        assertEquals(HealthStatus.HEALTHY, enc1().status());
        assertEquals(List.of("healthy enc-1"), inventory.calls);
        long lastHeartbeat = time.clock.millis() - 1000;
        time.advanceMillis(1750);
        assertEquals(HealthStatus.HEALTHY, enc1().status());
        assertEquals(2, enc1().consecutiveFailures());
        time.advanceMillis(250);
        assertEquals(HealthStatus.UNHEALTHY, enc1().status());
        assertEquals(3000, time.clock.millis() - lastHeartbeat, "detected at interval x threshold");
        assertEquals(List.of("healthy enc-1", "unhealthy enc-1: missed 3 heartbeats"), inventory.calls);
        assertFalse(inventory.healthy("enc-1"));
        assertTrue(handler.seen.get(0).failed());
        assertEquals(TargetKind.APPLIANCE, handler.seen.get(0).kind());

        monitor.heartbeat("enc-1");
        time.advanceMillis(250);
        assertEquals(HealthStatus.HEALTHY, enc1().status());
        assertTrue(inventory.healthy("enc-1"));
        assertTrue(handler.seen.get(1).recovered());
    }

    @Test
    void regularHeartbeatsKeepItHealthy() {
        start(true);
        heartbeating("enc-1", 20);
        assertEquals(HealthStatus.HEALTHY, enc1().status());
        assertEquals(List.of("healthy enc-1"), inventory.calls);
        assertTrue(handler.seen.isEmpty());
    }

    @Test
    void anApplianceThatNeverHeartbeatsIsShownUnknownAndLeftAlone() {
        start(true);
        heartbeating("enc-1", 10);
        TargetHealth silent = monitor.appliance("enc-2").orElseThrow();
        assertEquals(HealthStatus.UNKNOWN, silent.status());
        assertTrue(silent.message().startsWith("no heartbeat received"), silent.message());
        assertEquals(List.of("enc-1", "enc-2"), monitor.health().stream().map(TargetHealth::name).toList());
        assertTrue(inventory.calls.stream().noneMatch(c -> c.contains("enc-2")));
    }

    @Test
    void aHeartbeatFromAnApplianceTheInventoryDoesNotKnowIsRefused() {
        start(true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> monitor.heartbeat("ghost"));
        assertEquals("appliance 'ghost' is not in the inventory", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> monitor.simulateFailure("ghost"));
    }

    @Test
    void aSimulatedOutageIgnoresTheHeartbeatsUntilTheOperatorEndsIt() {
        start(true);
        heartbeating("enc-1", 2);
        long failedAt = time.clock.millis();
        assertTrue(monitor.simulateFailure("enc-1").outageSimulated());
        while (enc1().status() == HealthStatus.HEALTHY) {
            monitor.heartbeat("enc-1");
            time.advanceMillis(250);
        }
        assertTrue(time.clock.millis() - failedAt <= 3000, "failed over within interval x threshold");
        assertEquals("missed 3 heartbeats (outage simulated)", enc1().message());
        assertFalse(inventory.healthy("enc-1"));

        monitor.heartbeat("enc-1");
        TargetHealth recovered = monitor.simulateRecovery("enc-1");
        assertEquals(HealthStatus.HEALTHY, recovered.status(), "its heartbeats are current: healthy at once");
        assertTrue(inventory.healthy("enc-1"));
        List<String> types = log.events(MonitorEvents.STREAM).stream().map(StoredEvent::type).toList();
        assertEquals(List.of(MonitorEvents.HEALTH_CHANGED, MonitorEvents.OUTAGE_SIMULATED,
                MonitorEvents.HEALTH_CHANGED, MonitorEvents.OUTAGE_ENDED, MonitorEvents.HEALTH_CHANGED), types);
    }

    @Test
    void aSilentApplianceCanBeFailedAndRecoveredByTheOperator() {
        start(true);
        monitor.simulateFailure("enc-2");
        time.advanceMillis(3000);
        assertEquals(HealthStatus.UNHEALTHY, monitor.appliance("enc-2").orElseThrow().status());
        assertFalse(inventory.healthy("enc-2"));
        assertEquals(HealthStatus.HEALTHY, monitor.simulateRecovery("enc-2").status());
        assertTrue(inventory.healthy("enc-2"));
        time.advanceMillis(10_000);
        assertEquals(HealthStatus.HEALTHY, monitor.appliance("enc-2").orElseThrow().status(),
                "not monitored again until it heartbeats");
    }

    @Test
    void withFailbackOffARecoveredApplianceStaysUnhealthyUntilTheOperatorRecoversIt() {
        start(false);
        heartbeating("enc-1", 1);
        time.advanceMillis(2000);
        assertEquals(HealthStatus.UNHEALTHY, enc1().status());
        heartbeating("enc-1", 5);
        assertEquals(HealthStatus.UNHEALTHY, enc1().status());
        assertTrue(enc1().message().contains("fcr:appliance-recover"), enc1().message());
        assertFalse(inventory.healthy("enc-1"));
        monitor.heartbeat("enc-1");
        assertEquals(HealthStatus.HEALTHY, monitor.simulateRecovery("enc-1").status());
        assertTrue(inventory.healthy("enc-1"));
    }

    @Test
    void aVerdictTheInventoryRefusesIsRetriedUntilItIsTaken() {
        start(true);
        heartbeating("enc-1", 1);
        inventory.failing(true);
        time.advanceMillis(2000);
        assertEquals(HealthStatus.UNHEALTHY, enc1().status());
        assertTrue(inventory.healthy("enc-1"));
        assertEquals("pending: the appliance inventory has not taken this status yet", enc1().details().get("failover"));
        time.advanceMillis(500);
        assertEquals(3, inventory.calls.stream().filter(c -> c.startsWith("unhealthy enc-1")).count(),
                "retried on every evaluation");
        inventory.failing(false);
        time.advanceMillis(250);
        assertFalse(inventory.healthy("enc-1"));
        assertFalse(enc1().details().containsKey("failover"));
    }

    @Test
    void aVerdictReachedWithoutAFlowManagerIsAppliedWhenOneAppears() {
        start(true);
        monitor.inventory = null;
        heartbeating("enc-1", 1);
        time.advanceMillis(2000);
        assertEquals(HealthStatus.UNHEALTHY, enc1().status());
        assertTrue(inventory.calls.isEmpty());
        monitor.inventory = inventory;
        time.advanceMillis(250);
        assertFalse(inventory.healthy("enc-1"));
    }

    @Test
    void anApplianceRemovedFromTheInventoryIsForgotten() {
        start(true);
        heartbeating("enc-1", 1);
        inventory.remove("enc-1");
        time.advanceMillis(250);
        assertTrue(monitor.appliance("enc-1").isEmpty());
        time.advanceMillis(5000);
        assertEquals(List.of("healthy enc-1"), inventory.calls);
    }

    @Test
    void theTransitionEventsSayWhatHappened() {
        start(true);
        heartbeating("enc-1", 1);
        time.advanceMillis(2000);
        StoredEvent failed = log.events(MonitorEvents.STREAM).get(1);
        String json = new String(failed.payload(), StandardCharsets.UTF_8);
        assertEquals("{\"kind\":\"appliance\",\"target\":\"enc-1\",\"from\":\"healthy\",\"to\":\"unhealthy\","
                + "\"reason\":\"missed 3 heartbeats\",\"at\":\"2026-01-01T00:00:03Z\"}", json);
        HealthTransition t = handler.seen.get(0);
        assertEquals(HealthStatus.HEALTHY, t.from());
    }
}
