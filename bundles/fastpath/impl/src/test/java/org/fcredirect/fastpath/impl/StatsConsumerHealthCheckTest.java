package org.fcredirect.fastpath.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.fcredirect.flow.testkit.Await;
import org.fcredirect.fastpath.api.DefaultDecision;
import org.fcredirect.fastpath.api.FastPathSettings;
import org.fcredirect.fastpath.api.RewriteRule;
import org.fcredirect.fastpath.api.RuleBatch;
import org.fcredirect.monitor.api.HealthResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code stats-consumer} check against a real fast path whose stats queues nobody drains, or
 * the test drains. The drainer stamps its drains with the system clock; the check's clock runs
 * ahead of it by what the test advances, so minutes pass in no time.
 */
class StatsConsumerHealthCheckTest {
    static final int VSAN = 40;
    static final int T = 0x020001;

    private final AheadClock clock = new AheadClock();
    private FastPathManager manager;
    private StatsConsumerHealthCheck check;

    @AfterEach
    void stop() {
        if (manager != null) {
            manager.deactivate();
        }
    }

    /** The system clock plus what the test advanced. */
    static final class AheadClock extends Clock {
        private final AtomicLong aheadMillis = new AtomicLong();

        void advance(Duration d) {
            aheadMillis.addAndGet(d.toMillis());
        }

        @Override
        public Instant instant() {
            return Instant.now().plusMillis(aheadMillis.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** @param statsQueueSize batches per worker */
    private void start(int statsQueueSize, int flows) {
        manager = new FastPathManager(new FastPathSettings(2, 16, 64, statsQueueSize, 10, DefaultDecision.FORWARD, 65536));
        RuleBatch.Builder b = RuleBatch.builder().reset();
        for (int f = 1; f <= flows; f++) {
            b.add(RewriteRule.permit(f, VSAN, initiator(f), T, RewriteRule.ANY_LUN))
                    .add(RewriteRule.permit(f, VSAN, T, initiator(f), RewriteRule.ANY_LUN));
        }
        manager.apply(b.build(1));
        check = new StatsConsumerHealthCheck(clock);
        check.fastPath = manager;
    }

    private static int initiator(int f) {
        return 0x010000 + f;
    }

    /** One exchange (command and response) per flow, then waits until the workers shipped all of it. */
    private void exchanges(int flows, int ox) {
        send(flows, ox);
        Await.until("the workers shipped what they counted", Fixtures.TIMEOUT,
                () -> manager.backlog().pendingFlowDeltas() == 0 && manager.backlog().queuedBatches() > 0);
    }

    private void send(int flows, int ox) {
        List<byte[]> frames = new ArrayList<>();
        for (int f = 1; f <= flows; f++) {
            frames.add(TestFrames.command(initiator(f), T, ox));
            frames.add(TestFrames.response(T, initiator(f), ox));
        }
        try (TestSource source = new TestSource(manager)) {
            source.send(VSAN, frames);
        }
    }

    @Test
    void theBoundIsThreeStatsIntervalsAndAtLeastThreeSeconds() {
        assertEquals(Duration.ofSeconds(3), StatsConsumerHealthCheck.stallBound(10));
        assertEquals(Duration.ofSeconds(3), StatsConsumerHealthCheck.stallBound(1000));
        assertEquals(Duration.ofSeconds(6), StatsConsumerHealthCheck.stallBound(2000));
    }

    @Test
    void batchesNobodyDrainsMakeItUnhealthyOnceTheBoundPassesAndDrainingHealsIt() {
        start(16, 10);
        exchanges(10, 1);
        HealthResult fresh = check.check();
        assertTrue(fresh.healthy(), "within the bound: " + fresh);
        assertTrue(fresh.message().endsWith("batches queued, nothing drained yet; unhealthy after 3000 ms without a drain"),
                fresh.message());
        assertEquals("never", fresh.details().get("lastDrain"));

        clock.advance(Duration.ofSeconds(2));
        assertTrue(check.check().healthy());
        clock.advance(Duration.ofMillis(1_001));
        HealthResult stalled = check.check();
        assertFalse(stalled.healthy(), stalled.toString());
        assertTrue(stalled.message().startsWith("no stats consumer drained for 30"), stalled.message());
        assertTrue(stalled.message().contains("20 frames not counted yet"), stalled.message());
        assertEquals("20", stalled.details().get("pendingFrames"));
        assertTrue(Integer.parseInt(stalled.details().get("queuedBatches")) > 0, stalled.details().toString());
        assertEquals("3000", stalled.details().get("stallBoundMs"));

        Recorder r = Fixtures.drainAll(manager);
        assertEquals(20, r.frames());
        HealthResult drained = check.check();
        assertTrue(drained.healthy(), drained.toString());
        assertEquals("drained: nothing waits", drained.message());
        assertEquals("0", drained.details().get("pendingFrames"));
        assertTrue(Long.parseLong(drained.details().get("lastDrainAgeMs")) >= 3_000, "ahead of the drainer's stamp");
    }

    @Test
    void aConsumerThatDrainsStaysHealthyHoweverLongTheTrafficRuns() {
        start(16, 10);
        for (int round = 1; round <= 5; round++) {
            exchanges(10, round);
            assertTrue(check.check().healthy());
            Fixtures.drainAll(manager);
            clock.advance(Duration.ofSeconds(10));  // the clock moves on, the drains keep up
            HealthResult r = check.check();
            assertTrue(r.healthy(), r.toString());
        }
    }

    /**
     * Nothing waiting, no consumer ever: healthy. Nothing is lost or late, an absent stats service
     * shows as a missing stats check already, and the first batch it should take starts the clock.
     */
    @Test
    void withNothingWaitingItIsHealthyEvenWithoutAConsumer() {
        start(16, 10);
        HealthResult r = check.check();
        assertTrue(r.healthy(), r.toString());
        assertEquals("nothing to drain yet", r.message());
        clock.advance(Duration.ofHours(1));
        assertTrue(check.check().healthy());
    }

    @Test
    void aConsumerIdleForAnHourGetsTheWholeBoundForNewBatches() {
        start(16, 10);
        exchanges(10, 1);
        Fixtures.drainAll(manager);
        clock.advance(Duration.ofHours(1));
        exchanges(10, 2);
        assertTrue(check.check().healthy(), "the last drain is an hour old, the batches are new");
        clock.advance(Duration.ofSeconds(2));
        assertTrue(check.check().healthy());
        clock.advance(Duration.ofSeconds(2));
        assertFalse(check.check().healthy());
    }

    @Test
    void fullQueuesDeferDeltasAndDropExchangeRecordsAndSaySo() {
        start(2, 6000);  // 2 batches of 1024 per worker: 6000 flows do not fit
        send(6000, 1);
        Await.until("both workers' queues filled up", Fixtures.TIMEOUT,
                () -> manager.status().workers().stream().allMatch(w -> w.statsDeferrals() > 0 && w.ringDepth() == 0));
        HealthResult r = check.check();
        assertFalse(r.healthy(), r.toString());
        assertTrue(r.message().contains("exchange records dropped since the last run: the stats queues were full"),
                r.message());
        assertTrue(Long.parseLong(r.details().get("deferrals")) > 0, r.details().toString());
        assertTrue(Long.parseLong(r.details().get("exchangeRecordsDropped")) > 0, r.details().toString());

        Fixtures.drainAll(manager);
        check.check();  // the workers met full queues again while the drain made room: that run says so
        HealthResult after = check.check();
        assertTrue(after.healthy(), "no new loss since the last run: " + after);
        assertEquals(r.details().get("exchangeRecordsDropped"), after.details().get("exchangeRecordsDropped"),
                "the loss stays visible in the details");
    }
}
