package org.fcredirect.monitor.impl;

import static org.fcredirect.monitor.impl.Monitors.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadPoolExecutor;

import org.fcredirect.flow.testkit.Await;
import org.fcredirect.flow.testkit.ManualScheduler;
import org.fcredirect.monitor.api.HealthStatus;
import org.fcredirect.monitor.api.TargetHealth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hard timeouts on a real worker pool (time itself is virtual): a hung check is a failed check,
 * never delays the others, and never holds more than one thread.
 */
class CheckTimeoutTest {
    private final ManualScheduler time = new ManualScheduler();
    private final List<HangingCheck> hanging = new ArrayList<>();
    private ThreadPoolExecutor pool;
    private MonitorManager monitor;

    private void startWith(int workers) {
        pool = MonitorThreads.checkPool(workers, MonitorThreads.daemon("test-check"));
        monitor = Monitors.on(time, pool, Monitors.settings(true));
    }

    private HangingCheck hanging(boolean stubborn) {
        HangingCheck h = new HangingCheck(stubborn);
        hanging.add(h);
        return h;
    }

    @AfterEach
    void stop() {
        monitor.deactivate();
        hanging.forEach(HangingCheck::release);
    }

    private TargetHealth health(String name) {
        return monitor.check(name).orElseThrow();
    }

    /** Advances to the next interval's tick and waits for the fast check's run there. */
    private void nextInterval(ScriptedCheck fast, int expectedRuns) {
        time.advanceMillis(500);
        Await.until("the fast check ran " + expectedRuns + " times", () -> fast.runs.get() == expectedRuns
                && health("fast").lastRun().equals(Optional.of(time.clock.instant())));
        time.advanceMillis(500);
    }

    @Test
    void aCheckThatNeverReturnsFailsEveryIntervalWhileTheOthersRunOnTimeOnOneSpareThread() {
        startWith(2);
        HangingCheck hung = hanging(true);
        ScriptedCheck fast = new ScriptedCheck();
        monitor.addCheck(hung, check(1, "hung"));
        monitor.addCheck(fast, check(2, "fast"));
        time.advanceMillis(0);
        Await.until("the hung check is running", hung::inside);
        Await.until("the fast check answered", () -> health("fast").status() == HealthStatus.HEALTHY);

        time.advanceMillis(500);
        Await.until("the hung check was interrupted at its deadline", () -> hung.interrupts.get() == 1);
        assertEquals("failed 1 of 3 times: timed out after 500 ms", health("hung").message());

        for (int run = 2; run <= 20; run++) {
            nextInterval(fast, run);
        }
        TargetHealth h = health("hung");
        assertEquals(HealthStatus.UNHEALTHY, h.status());
        assertEquals(20, h.consecutiveFailures());
        assertTrue(h.message().startsWith("still running: the run started "), h.message());
        assertEquals(1, hung.calls.get(), "a check still hanging is not started again");
        assertEquals(HealthStatus.HEALTHY, health("fast").status());
        assertEquals(0, health("fast").consecutiveFailures());
        assertEquals(2, pool.getLargestPoolSize(), "the hung check holds one of the two workers, the fast one the other");
    }

    @Test
    void aCheckThatHonoursTheInterruptIsFreedAtItsDeadlineAndRunsAgainNextInterval() {
        startWith(1);
        HangingCheck slow = hanging(false);
        monitor.addCheck(slow, check(1, "slow"));
        time.advanceMillis(0);
        Await.until("the check is running", slow::inside);
        time.advanceMillis(500);
        Await.until("the check gave up when interrupted and left its worker", () -> pool.getActiveCount() == 0);
        assertEquals(1, slow.interrupts.get());
        assertEquals("failed 1 of 3 times: timed out after 500 ms", health("slow").message());
        time.advanceMillis(500);
        Await.until("the next run started", () -> slow.calls.get() == 2 && slow.inside());
        assertEquals(1, pool.getLargestPoolSize());
    }

    @Test
    void whenEveryWorkerHangsAQueuedRunFailsAtItsDeadlineWithoutStartingAndNoThreadIsAdded() {
        startWith(1);
        HangingCheck hung = hanging(true);
        ScriptedCheck queued = new ScriptedCheck();
        monitor.addCheck(hung, check(1, "hung"));
        monitor.addCheck(queued, check(2, "queued"));
        time.advanceMillis(0);
        Await.until("the hung check holds the only worker", hung::inside);
        time.advanceMillis(500);
        assertEquals("failed 1 of 3 times: not started within 500 ms: all 1 check workers are busy",
                health("queued").message());
        time.advanceMillis(2500);
        assertEquals(HealthStatus.UNHEALTHY, health("queued").status());
        assertEquals(0, queued.runs.get());
        assertEquals(1, pool.getLargestPoolSize());

        hung.release();
        Await.until("the run queued at the last tick got the freed worker", () -> queued.runs.get() == 1);
        Await.until("the queued check is healthy again", () -> health("queued").status() == HealthStatus.HEALTHY);
    }

    @Test
    void aWithdrawnCheckHasItsRunInterrupted() {
        startWith(2);
        HangingCheck slow = hanging(false);
        monitor.addCheck(slow, check(1, "slow"));
        time.advanceMillis(0);
        Await.until("the check is running", slow::inside);
        monitor.removeCheck(slow, check(1, "slow"));
        Await.until("the run was interrupted", () -> !slow.inside());
        assertFalse(monitor.check("slow").isPresent());
    }
}
