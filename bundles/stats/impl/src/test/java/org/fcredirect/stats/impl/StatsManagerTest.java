package org.fcredirect.stats.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.fcredirect.flow.testkit.Await;
import org.fcredirect.flow.testkit.VirtualClock;
import org.fcredirect.stats.api.LatencyHistogram;
import org.fcredirect.stats.api.LatencySummary;
import org.fcredirect.stats.api.FlowStats;
import org.fcredirect.stats.api.Resolution;
import org.fcredirect.stats.api.StatsStatus;
import org.fcredirect.storage.testkit.InMemoryEventLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatsManagerTest {
    static final StatsSettings SETTINGS = new StatsSettings(100, 5, 120, 60, 10_000, 16, 16, 3600);

    final InMemoryEventLog log = new InMemoryEventLog();
    final VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T10:00:00Z"));
    final FakeStatsSource source = new FakeStatsSource();
    final List<StatsManager> started = new ArrayList<>();

    StatsManager manager(StatsSettings settings) {
        StatsManager m = new StatsManager();
        m.eventLog = log;
        m.clock = clock;
        m.activate(settings);
        started.add(m);
        return m;
    }

    @AfterEach
    void stop() {
        started.forEach(StatsManager::deactivate);
    }

    long feed(int flows, int deltas, long seed) {
        Random random = new Random(seed);
        long frames = 0;
        for (int i = 0; i < deltas; i++) {
            long toTarget = random.nextInt(100);
            long toInitiator = random.nextInt(100);
            source.delta(1 + random.nextInt(flows), toTarget, toTarget * 2112, toInitiator, toInitiator * 2112);
            frames += toTarget + toInitiator;
        }
        return frames;
    }

    static long sumOfFlowFrames(StatsManager m, int flows) {
        long sum = 0;
        for (long id = 1; id <= flows; id++) {
            sum += m.flow(id).map(FlowStats::counters).map(c -> c.frames()).orElse(0L);
        }
        return sum;
    }

    @Test
    void countsEveryDrainedFrameExactly() {
        StatsManager m = manager(SETTINGS);
        m.bindSource(source);
        long frames = feed(500, 20_000, 1);
        Await.until("the source is drained", () -> source.pending() == 0);
        Await.until("the drain thread is idle", () -> m.status().recordsDrained() == 20_000);
        assertEquals(source.framesProduced(), frames);
        assertEquals(frames, sumOfFlowFrames(m, 500));
        assertEquals(frames, m.total(clock.instant().minusSeconds(10), clock.instant().plusSeconds(1)).frames());
        StatsStatus status = m.status();
        assertEquals(100.0, status.recordsPerBatch(), 1.0);
        assertEquals(0, status.lagFrames());
        assertEquals(500, status.flowsTracked());
    }

    @Test
    void totalsHoldEveryFrameAndThePercentilesOfEveryExchange() {
        StatsManager m = manager(SETTINGS);
        assertTrue(m.totals().latency().isEmpty());
        m.bindSource(source);
        long frames = feed(20, 500, 8);
        for (int i = 1; i <= 1000; i++) {
            source.exchange(1 + i % 20, i % 2 == 0, 0, 1000L * i);
        }
        Await.until("everything counted", () -> m.totals().latency().map(LatencySummary::count).orElse(0L) == 1000);
        assertEquals(frames, m.totals().counters().frames());
        LatencySummary l = m.totals().latency().orElseThrow();
        assertEquals(1000, l.count());
        assertEquals(500_000, l.p50Nanos(), 500_000 * 0.01, "p50 of 1..1000 us");
        assertEquals(990_000, l.p99Nanos(), 990_000 * 0.01, "p99 of 1..1000 us");
        assertEquals(500, m.totals().counters().writes());
    }

    @Test
    void theLatencyHistogramCountsEveryExchangeIntoCumulativeBuckets() {
        StatsManager m = manager(SETTINGS);
        assertEquals(List.of(0L, 0L), m.latencyHistogram(List.of(100_000L, 1_000_000L)).cumulativeCounts());
        m.bindSource(source);
        feed(20, 100, 1);
        for (int i = 1; i <= 1000; i++) {
            source.exchange(1 + i % 20, true, 0, 1000L * i);
        }
        Await.until("every exchange counted", () -> m.latencyHistogram(List.of(1L)).count() == 1000);
        LatencyHistogram h = m.latencyHistogram(List.of(100_000L, 500_000L, 2_000_000L));
        assertEquals(List.of(100_000L, 500_000L, 2_000_000L), h.upperBoundsNanos());
        assertEquals(100, h.cumulativeCounts().get(0), 2, "1..100 us within 100 us, 1 % precision at the edge");
        assertEquals(500, h.cumulativeCounts().get(1), 6);
        assertEquals(1000, h.cumulativeCounts().get(2));
        assertEquals(500_500_000L, h.sumNanos(), 500_500_000L * 0.01, "1 + 2 + ... + 1000 us");
        for (List<Long> bad : List.of(List.<Long>of(), List.of(0L), List.of(5L, 5L), List.of(10L, 2L))) {
            assertThrows(IllegalArgumentException.class, () -> m.latencyHistogram(bad), bad.toString());
        }
    }

    @Test
    void drainsOnceASourceAppears() {
        StatsManager m = manager(SETTINGS);
        long frames = feed(10, 1000, 2);
        assertFalse(m.status().draining());
        assertEquals(0, source.drainCalls());
        m.bindSource(source);
        Await.until("the source is drained", () -> source.pending() == 0);
        assertTrue(m.status().draining());
        Await.until("all counted", () -> sumOfFlowFrames(m, 10) == frames);
        m.unbindSource(source);
        assertFalse(m.status().draining());
    }

    @Test
    void keepsHistoryAndCountsAcrossARestart() {
        StatsManager first = manager(SETTINGS);
        first.bindSource(source);
        long before = feed(50, 3000, 3);
        Await.until("drained by the first instance", () -> source.pending() == 0);
        Await.until("counted by the first instance", () -> sumOfFlowFrames(first, 50) == before);
        first.deactivate();
        started.remove(first);
        // While no instance drains, the fast path keeps records in its queues.
        long during = feed(50, 2000, 4);
        clock.advance(Duration.ofSeconds(5));

        StatsManager second = manager(SETTINGS);
        assertEquals(before, sumOfFlowFrames(second, 50), "restored from the snapshot");
        second.bindSource(source);
        Await.until("drained by the second instance", () -> source.pending() == 0);
        Await.until("everything counted once", () -> sumOfFlowFrames(second, 50) == before + during);
        assertEquals(source.framesProduced(), sumOfFlowFrames(second, 50));
        assertEquals(before + during, second.totals().counters().frames(), "the totals since the start, restart included");
        // The per-second history of before the restart is still there.
        Instant start = clock.instant().minusSeconds(10);
        assertEquals(before, second.totalSeries(Resolution.SECOND, start, clock.instant().minusSeconds(4))
                .points().stream().mapToLong(p -> p.frames()).sum());
    }

    @Test
    void anUnreadableSnapshotStartsEmptyInsteadOfFailing() {
        log.saveSnapshot(StatsManager.STREAM, 0, new byte[] {1, 2, 3});
        StatsManager m = manager(SETTINGS);
        assertEquals(0, m.status().flowsTracked());
    }

    @Test
    void appliesLiveSettingsAndRebuildsForANewShapeWithoutLosingCounts() {
        StatsManager m = manager(SETTINGS);
        m.bindSource(source);
        long frames = feed(20, 500, 5);
        Await.until("drained", () -> source.pending() == 0);
        Await.until("counted", () -> sumOfFlowFrames(m, 20) == frames);
        m.apply(new StatsSettings(10, 5, 300, 120, 10, 2, 4, 3600));
        assertEquals(10, m.status().flowsTracked(), "maxFlows lowered to 10");
        assertEquals(frames, m.total(clock.instant().minusSeconds(5), clock.instant().plusSeconds(1)).frames());
        long more = feed(5, 100, 6);
        Await.until("drained with the new batch size", () -> source.pending() == 0);
        Await.until("counted after the rebuild", () -> m.total(clock.instant().minusSeconds(5),
                clock.instant().plusSeconds(1)).frames() == frames + more);
        // a drain that was under way when the settings changed may finish with the old batch size
        long last = feed(5, 100, 7);
        Await.until("counted with the new batch size", () -> m.total(clock.instant().minusSeconds(5),
                clock.instant().plusSeconds(1)).frames() == frames + more + last);
        assertTrue(m.status().lastBatchRecords() <= 10, "last batch " + m.status().lastBatchRecords());
    }

    @Test
    void savesPeriodically() {
        StatsManager m = manager(new StatsSettings(100, 5, 120, 60, 100, 1, 1, 1));
        assertTrue(log.loadSnapshot(StatsManager.STREAM).isEmpty());
        clock.advance(Duration.ofSeconds(2));
        Await.until("a snapshot is saved", () -> log.loadSnapshot(StatsManager.STREAM).isPresent());
        Await.until("the status names it", () -> m.status().lastSnapshot().isPresent());
    }

    @Test
    void reportsAFailingDrainAsFallingBehindAndRecovers() {
        StatsManager m = manager(SETTINGS);
        boolean[] broken = {true};
        m.bindSource(new org.fcredirect.fastpath.api.StatsSource() {
            @Override
            public int drain(org.fcredirect.fastpath.api.StatsConsumer consumer, int maxRecords) {
                if (broken[0]) {
                    throw new IllegalStateException("queue corrupt");
                }
                return 0;
            }

            @Override
            public org.fcredirect.fastpath.api.StatsBacklog backlog() {
                return source.backlog();
            }
        });
        Await.until("failing shows", () -> m.status().fallingBehind());
        assertTrue(m.status().fallingBehindReason().orElseThrow().contains("queue corrupt"));
        broken[0] = false;
        clock.advance(Duration.ofSeconds(11));
        Await.until("recovered", () -> !m.status().fallingBehind());
    }

    @Test
    void reportsFallingBehindWhenTheSourceDropsRecords() {
        StatsManager m = manager(SETTINGS);
        m.bindSource(source);
        Await.until("the first backlog look", () -> source.drainCalls() > 0);
        clock.advance(Duration.ofSeconds(2));
        source.dropExchangeRecords(7);
        clock.advance(Duration.ofSeconds(2));
        Await.until("falling behind", () -> m.status().fallingBehind());
        assertTrue(m.status().fallingBehindReason().orElseThrow().contains("7 exchange records"));
    }
}
