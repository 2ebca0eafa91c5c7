package org.fcredirect.monitor.impl;

import static org.fcredirect.monitor.impl.Monitors.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.fcredirect.flow.testkit.ManualScheduler;
import org.fcredirect.monitor.api.HealthCheck;
import org.fcredirect.monitor.api.HealthResult;
import org.fcredirect.monitor.api.HealthStatus;
import org.fcredirect.monitor.api.HealthTransition;
import org.fcredirect.monitor.api.TargetHealth;
import org.fcredirect.monitor.impl.Monitors.RecordingHandler;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.testkit.InMemoryEventLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Consecutive failures up to the threshold, and what crossing it does. */
class CheckThresholdTest {
    private final ManualScheduler time = new ManualScheduler();
    private final InMemoryEventLog log = new InMemoryEventLog(time.clock);
    private final MonitorManager monitor = Monitors.direct(time, Monitors.settings(true));
    private final RecordingHandler handler = new RecordingHandler();
    private final ScriptedCheck check = new ScriptedCheck();

    CheckThresholdTest() {
        monitor.log = log;
        monitor.addFailoverHandler(handler);
    }

    @AfterEach
    void stop() {
        monitor.deactivate();
    }

    private TargetHealth health(String name) {
        return monitor.check(name).orElseThrow();
    }

    private void start() {
        monitor.addCheck(check, check(1, "storage"));
        time.advanceMillis(0);
    }

    @Test
    void theThirdConsecutiveFailureMakesTheTargetUnhealthyAndFiresTheHandlersOnce() {
        start();
        assertEquals(HealthStatus.HEALTHY, health("storage").status());
        check.fail("disk full");
        time.advanceMillis(1000);
        assertEquals(HealthStatus.HEALTHY, health("storage").status());
        assertEquals("failed 1 of 3 times: disk full", health("storage").message());
        time.advanceMillis(1000);
        assertEquals(2, health("storage").consecutiveFailures());
        assertTrue(handler.seen.isEmpty());
        time.advanceMillis(1000);
        TargetHealth h = health("storage");
        assertEquals(HealthStatus.UNHEALTHY, h.status());
        assertEquals("disk full", h.message());
        assertEquals(time.clock.instant(), h.since());
        time.advanceMillis(3000);
        assertEquals(6, health("storage").consecutiveFailures());
        assertEquals(1, handler.seen.size());
        HealthTransition t = handler.seen.get(0);
        assertTrue(t.failed());
        assertEquals("storage", t.target());
        assertEquals(HealthStatus.HEALTHY, t.from());
    }

    @Test
    void aGoodRunInBetweenStartsTheCountOver() {
        start();
        check.fail("slow");
        time.advanceMillis(2000);
        check.succeed();
        time.advanceMillis(1000);
        assertEquals(0, health("storage").consecutiveFailures());
        check.fail("slow");
        time.advanceMillis(2000);
        assertEquals(HealthStatus.HEALTHY, health("storage").status());
        assertEquals(2, health("storage").consecutiveFailures());
        assertTrue(handler.seen.isEmpty());
    }

    @Test
    void aGoodRunAfterFailureIsARecoveryToldToTheHandlers() {
        start();
        check.fail("down");
        time.advanceMillis(3000);
        check.succeed();
        time.advanceMillis(1000);
        assertEquals(HealthStatus.HEALTHY, health("storage").status());
        assertEquals(List.of(true, false), handler.seen.stream().map(HealthTransition::failed).toList());
        assertTrue(handler.seen.get(1).recovered());
        assertTrue(health("storage").lastHealthy().isPresent());
    }

    @Test
    void aCheckFailingFromTheStartStaysUnknownUntilTheThreshold() {
        check.fail("no answer");
        start();
        time.advanceMillis(1000);
        assertEquals(HealthStatus.UNKNOWN, health("storage").status());
        time.advanceMillis(1000);
        assertEquals(HealthStatus.UNHEALTHY, health("storage").status());
        assertEquals(HealthStatus.UNKNOWN, handler.seen.get(0).from());
        assertTrue(health("storage").lastHealthy().isEmpty());
    }

    @Test
    void anExceptionOrNoResultIsAFailedRunWithItsMessage() {
        check.answer(() -> {
            throw new IllegalStateException("writer thread died");
        });
        start();
        assertEquals("failed 1 of 3 times: IllegalStateException: writer thread died", health("storage").message());
        check.answer(() -> null);
        time.advanceMillis(1000);
        assertEquals("failed 2 of 3 times: the check returned no result", health("storage").message());
    }

    @Test
    void everyTransitionIsAnEventOnTheMonitorStream() {
        start();
        check.fail("down");
        time.advanceMillis(3000);
        check.succeed();
        time.advanceMillis(1000);
        List<StoredEvent> events = log.events(MonitorEvents.STREAM);
        assertEquals(3, events.size());
        assertTrue(events.stream().allMatch(e -> e.type().equals(MonitorEvents.HEALTH_CHANGED)));
        String failed = new String(events.get(1).payload(), StandardCharsets.UTF_8);
        assertTrue(failed.contains("\"target\":\"storage\"") && failed.contains("\"to\":\"unhealthy\"")
                && failed.contains("\"reason\":\"down\""), failed);
    }

    @Test
    void theServicePropertiesOverrideTheDefaultsAndBadOnesAreIgnored() {
        monitor.addCheck(check, check(1, "fast", HealthCheck.INTERVAL_MS, 200L, HealthCheck.THRESHOLD, "1",
                HealthCheck.TIMEOUT_MS, "soon"));
        TargetHealth h = health("fast");
        assertEquals(200, h.timing().interval().toMillis());
        assertEquals(200, h.timing().timeout().toMillis(), "the default 500 ms timeout is capped at the interval");
        assertEquals(1, h.timing().threshold());
        time.advanceMillis(1000);
        assertEquals(6, check.runs.get());
        check.fail("gone");
        time.advanceMillis(200);
        assertEquals(HealthStatus.UNHEALTHY, health("fast").status());
    }

    @Test
    void newDefaultsRetimeTheChecksThatTakeThem() {
        start();
        monitor.settings(new MonitorSettings(MonitorSettings.timing(250, 100, 2), 2,
                MonitorSettings.timing(1000, 1000, 3), true, java.time.Duration.ZERO));
        int before = check.runs.get();
        time.advanceMillis(1000);
        assertEquals(before + 4, check.runs.get());
        assertEquals(2, health("storage").timing().threshold());
    }

    @Test
    void aSecondCheckOfTheSameNameGetsItsServiceIdAppended() {
        start();
        monitor.addCheck(new ScriptedCheck(), check(7, "storage"));
        assertTrue(monitor.check("storage#7").isPresent());
        assertEquals(2, monitor.health().size());
    }

    @Test
    void aChangeOfOtherServicePropertiesKeepsTheCountWhileANewTimingStartsOver() {
        start();
        check.fail("slow");
        time.advanceMillis(1000);
        monitor.updateCheck(check, check(1, "storage", "storageProbeSeconds", 60));
        assertEquals(1, health("storage").consecutiveFailures());
        monitor.updateCheck(check, check(1, "storage", HealthCheck.THRESHOLD, 5));
        assertEquals(0, health("storage").consecutiveFailures());
        assertEquals(5, health("storage").timing().threshold());
    }

    @Test
    void aWithdrawnCheckRunsNoMoreAndLeavesTheView() {
        start();
        monitor.removeCheck(check, check(1, "storage"));
        int runs = check.runs.get();
        time.advanceMillis(5000);
        assertEquals(runs, check.runs.get());
        assertFalse(monitor.check("storage").isPresent());
    }

    @Test
    void aFailingHandlerDoesNotKeepTheOthersFromBeingTold() {
        monitor.addFailoverHandler(t -> {
            throw new IllegalStateException("handler bug");
        });
        RecordingHandler after = new RecordingHandler();
        monitor.addFailoverHandler(after);
        monitor.addCheck(new FailingCheck(), check(1, "broken", HealthCheck.THRESHOLD, 1));
        time.advanceMillis(0);
        assertEquals(1, handler.seen.size());
        assertEquals(1, after.seen.size());
    }

    private static final class FailingCheck implements HealthCheck {
        @Override
        public HealthResult check() {
            return HealthResult.unhealthy("always");
        }
    }
}
