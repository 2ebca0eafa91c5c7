package org.fcredirect.stats.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.fcredirect.stats.api.FlowLabels;
import org.fcredirect.stats.api.FlowStats;
import org.fcredirect.stats.api.GroupBy;
import org.fcredirect.stats.api.LatencySummary;
import org.fcredirect.stats.api.RangeStats;
import org.fcredirect.stats.api.Resolution;
import org.fcredirect.stats.api.SeriesPoint;
import org.fcredirect.stats.api.TimeSeries;
import org.fcredirect.stats.api.TopMetric;
import org.junit.jupiter.api.Test;

class StatsStoreTest {
    /** A minute boundary, so offsets below read as "second s of minute m". */
    static final long T0 = Instant.parse("2026-01-01T10:00:00Z").toEpochMilli();
    static final StatsSettings SMALL = new StatsSettings(1000, 10, 120, 60, 10_000, 16, 8, 60);

    final FakeStatsSource source = new FakeStatsSource();
    final StatsIngest ingest = new StatsIngest();

    void drainAt(StatsStore store, long nowMillis) {
        store.advance(nowMillis);
        ingest.begin(store, nowMillis);
        source.drain(ingest, Integer.MAX_VALUE);
    }

    static FlowLabels labels(long flowId) {
        return new FlowLabels(Long.toString(flowId % 2 + 1), "i" + flowId, "t" + flowId % 3,
                flowId % 2 == 0 ? "app-a" : FlowLabels.DIRECT);
    }

    @Test
    void rollsUpPerSecondAndPerMinute() {
        StatsStore store = new StatsStore(SMALL, StatsStoreTest::labels);
        source.delta(1, 10, 1000, 5, 500);
        drainAt(store, T0 + 200);
        source.delta(2, 1, 100, 0, 0);
        drainAt(store, T0 + 999);
        source.delta(1, 3, 300, 0, 0);
        drainAt(store, T0 + 1000);
        source.delta(1, 7, 700, 0, 0);
        drainAt(store, T0 + 61_000);
        long now = T0 + 61_500;

        TimeSeries seconds = store.totalSeries(Resolution.SECOND, Instant.ofEpochMilli(T0),
                Instant.ofEpochMilli(T0 + 3000), now);
        assertEquals(List.of(16L, 3L, 0L), seconds.points().stream().map(SeriesPoint::frames).toList());
        assertEquals(Instant.ofEpochMilli(T0 + 1000), seconds.points().get(1).start());

        TimeSeries minutes = store.totalSeries(Resolution.MINUTE, Instant.ofEpochMilli(T0),
                Instant.ofEpochMilli(T0 + 120_000), now);
        // The range is clipped at the current minute: the next one has not begun.
        assertEquals(List.of(19L, 7L), minutes.points().stream().map(SeriesPoint::frames).toList());
        assertEquals(List.of(1900L, 700L), minutes.points().stream().map(SeriesPoint::bytes).toList());

        TimeSeries flow1 = store.flowSeries(1, Resolution.SECOND, Instant.ofEpochMilli(T0),
                Instant.ofEpochMilli(T0 + 2000), now).orElseThrow();
        assertEquals(List.of(15L, 3L), flow1.points().stream().map(SeriesPoint::frames).toList());
    }

    @Test
    void rangesAreHalfOpenAlignedOutwardAndClippedToRetention() {
        StatsStore store = new StatsStore(SMALL, StatsStoreTest::labels);
        for (int s = 0; s < 200; s++) {
            source.delta(1, 1, 10, 0, 0);
            drainAt(store, T0 + s * 1000L);
        }
        long now = T0 + 199_000;
        // [T0+150 s, T0+160 s): exactly ten buckets, the bucket starting at `to` is excluded.
        RangeStats ten = store.total(Instant.ofEpochMilli(T0 + 150_000), Instant.ofEpochMilli(T0 + 160_000), now);
        assertEquals(Resolution.SECOND, ten.resolution());
        assertEquals(10, ten.frames());
        // Inside-bucket instants align outward: [150.5 s, 151.2 s) covers buckets 150 and 151.
        RangeStats partial = store.total(Instant.ofEpochMilli(T0 + 150_500), Instant.ofEpochMilli(T0 + 151_200), now);
        assertEquals(2, partial.frames());
        assertEquals(Instant.ofEpochMilli(T0 + 150_000), partial.from());
        assertEquals(Instant.ofEpochMilli(T0 + 152_000), partial.to());
        // 120 seconds retained: a range starting before them falls back to minutes, clipped to 60 minutes.
        RangeStats older = store.total(Instant.ofEpochMilli(T0 + 10_000), Instant.ofEpochMilli(T0 + 300_000), now);
        assertEquals(Resolution.MINUTE, older.resolution());
        assertEquals(Instant.ofEpochMilli(T0), older.from());
        assertEquals(Instant.ofEpochMilli(T0 + 240_000), older.to());
        assertEquals(200, older.frames());
        // A second-resolution series over a range partly before retention covers only what is retained.
        TimeSeries series = store.totalSeries(Resolution.SECOND, Instant.ofEpochMilli(T0),
                Instant.ofEpochMilli(T0 + 200_000), now);
        assertEquals(120, series.points().size());
        assertEquals(Instant.ofEpochMilli(T0 + 80_000), series.points().get(0).start());
        // Entirely in the future: nothing covered.
        RangeStats future = store.total(Instant.ofEpochMilli(T0 + 500_000), Instant.ofEpochMilli(T0 + 600_000), now);
        assertEquals(0, future.covered().toMillis());
        assertEquals(0, future.frames());
        assertThrows(IllegalArgumentException.class,
                () -> store.total(Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0), now));
    }

    @Test
    void oldBucketsOfAnEarlierLapAreNotReadAsCurrent() {
        StatsStore store = new StatsStore(SMALL, StatsStoreTest::labels);
        source.delta(1, 5, 50, 0, 0);
        drainAt(store, T0);
        long lap = T0 + 120_000; // same ring index one lap later
        RangeStats later = store.total(Instant.ofEpochMilli(lap), Instant.ofEpochMilli(lap + 1000), lap);
        assertEquals(0, later.frames());
    }

    @Test
    void percentilesMatchABruteForceComputationWithinOnePercent() {
        StatsStore store = new StatsStore(SMALL, StatsStoreTest::labels);
        Random random = new Random(42);
        long[] latencies = new long[20_000];
        for (int i = 0; i < latencies.length; i++) {
            // log-uniform from 20 us to 200 ms, the span of real exchange times
            latencies[i] = (long) (20_000 * Math.pow(10_000, random.nextDouble()));
            source.exchange(7, i % 3 == 0, 0, latencies[i]);
        }
        drainAt(store, T0);
        Arrays.sort(latencies);
        LatencySummary summary = store.flow(7).orElseThrow().latency().orElseThrow();
        assertEquals(latencies.length, summary.count());
        assertWithinOnePercent(nearestRank(latencies, 50), summary.p50Nanos());
        assertWithinOnePercent(nearestRank(latencies, 95), summary.p95Nanos());
        assertWithinOnePercent(nearestRank(latencies, 99), summary.p99Nanos());
        assertWithinOnePercent(latencies[latencies.length - 1], summary.maxNanos());
        FlowStats stats = store.flow(7).orElseThrow();
        assertEquals(latencies[latencies.length - 1], stats.maxLatencyNanos());
        assertEquals(Arrays.stream(latencies).sum() / latencies.length, stats.meanLatencyNanos());
        assertEquals(latencies.length, stats.counters().reads() + stats.counters().writes());
    }

    @Test
    void countsScsiErrorsAndDropsAsErrors() {
        StatsStore store = new StatsStore(SMALL, StatsStoreTest::labels);
        source.add(new FakeStatsSource.Delta(3, 4, 40, 0, 0, 2, 1, 1));
        source.exchange(3, true, 0x02, 1000);
        source.exchange(3, false, -1, 1000);
        source.exchange(3, false, 0, 1000);
        drainAt(store, T0);
        FlowStats stats = store.flow(3).orElseThrow();
        assertEquals(2, stats.counters().scsiErrors());
        assertEquals(4, stats.counters().errors());
        assertEquals(1, stats.counters().writes());
        assertEquals(2, stats.counters().reads());
        assertEquals(4, store.total(Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 1000), T0).errors());
    }

    @Test
    void groupsAddUpToTheTotal() {
        StatsStore store = new StatsStore(SMALL, StatsStoreTest::labels);
        for (long flow = 1; flow <= 6; flow++) {
            source.delta(flow, flow, flow * 100, 0, 0);
        }
        drainAt(store, T0 + 5000);
        Instant from = Instant.ofEpochMilli(T0);
        Instant to = Instant.ofEpochMilli(T0 + 60_000);
        long total = store.total(from, to, T0 + 5000).bytes();
        for (GroupBy by : GroupBy.values()) {
            List<RangeStats> groups = store.aggregate(from, to, by, T0 + 5000);
            assertEquals(total, groups.stream().mapToLong(RangeStats::bytes).sum(), by.name());
        }
        List<RangeStats> byAppliance = store.aggregate(from, to, GroupBy.APPLIANCE, T0 + 5000);
        assertEquals(List.of("app-a", FlowLabels.DIRECT), byAppliance.stream().map(RangeStats::group).toList());
        assertEquals(1200, byAppliance.get(0).bytes());
        // Labels change (e.g. failover to another appliance): later traffic goes to the new group.
        StatsStore relabelled = new StatsStore(SMALL, id -> new FlowLabels("1", "i", "t", "app-b"));
        source.delta(1, 1, 10, 0, 0);
        drainAt(relabelled, T0);
        assertEquals("app-b", relabelled.flow(1).orElseThrow().labels().appliance());
    }

    @Test
    void topRanksByTheLastCompleteMinute() {
        StatsStore store = new StatsStore(SMALL, StatsStoreTest::labels);
        source.add(new FakeStatsSource.Delta(1, 10, 6_000_000, 0, 0, 0, 0, 600));
        source.add(new FakeStatsSource.Delta(2, 10, 60_000_000, 0, 0, 0, 0, 60));
        source.add(new FakeStatsSource.Delta(3, 10, 600, 0, 0, 0, 0, 6));
        source.exchange(3, false, 0, 9_000_000);
        source.exchange(1, false, 0, 1_000);
        drainAt(store, T0 + 10_000);
        assertTrue(store.top(3, TopMetric.IOPS).isEmpty(), "no minute is complete yet");
        store.advance(T0 + 60_000);
        List<FlowStats> byIops = store.top(2, TopMetric.IOPS);
        assertEquals(List.of(1L, 2L), byIops.stream().map(FlowStats::flowId).toList());
        assertEquals(10.0, byIops.get(0).lastMinute().iops(), 1e-9);
        assertEquals(List.of(2L, 1L, 3L), store.top(5, TopMetric.MBPS).stream().map(FlowStats::flowId).toList());
        assertEquals(1.0, store.top(1, TopMetric.MBPS).get(0).lastMinute().mbps(), 1e-9);
        assertEquals(List.of(3L, 1L), store.top(5, TopMetric.LATENCY).stream().map(FlowStats::flowId).toList());
        // A minute later without traffic, nothing ranks.
        store.advance(T0 + 120_000);
        assertTrue(store.top(3, TopMetric.MBPS).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> store.top(0, TopMetric.IOPS));
    }

    @Test
    void memoryIsBoundedByMaxFlowsDetailedFlowsAndMaxGroups() {
        StatsSettings bounded = new StatsSettings(1000, 10, 120, 60, 1000, 4, 3, 60);
        StatsStore store = new StatsStore(bounded, id -> new FlowLabels("1", "i" + id, "t" + id, "a" + id));
        long frames = 0;
        for (long flow = 1; flow <= 5000; flow++) {
            source.delta(flow, 2, 20, 1, 10);
            frames += 3;
        }
        drainAt(store, T0);
        assertEquals(1000, store.flows.rows());
        assertEquals(4000, store.untrackedDeltas);
        assertEquals(4, store.detailedFlows());
        // 3 named groups and "other" per dimension.
        assertEquals(4, store.dimensions[GroupBy.TARGET.ordinal()].size());
        // Totals stay exact beyond the bound.
        assertEquals(frames, store.totalCounters().frames());
        assertEquals(frames, store.total(Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 1000), T0).frames());
        List<RangeStats> targets = store.aggregate(Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 60_000),
                GroupBy.TARGET, T0);
        assertEquals(FlowLabels.OTHER, targets.get(0).group());
        assertTrue(store.flows.heapBytes() <= FlowCounters.heapBytesAt(1000));
    }

    @Test
    void perFlowMemoryStaysWithinTheComputedBoundForManyFlows() {
        int flowCount = 200_000;
        StatsSettings settings = new StatsSettings(1000, 10, 3600, 1440, flowCount, 128, 256, 60);
        StatsStore store = new StatsStore(settings, id -> FlowLabels.UNKNOWN_FLOW);
        for (long flow = 1; flow <= flowCount; flow++) {
            source.delta(flow, 1, 2112, 0, 0);
        }
        drainAt(store, T0);
        assertEquals(flowCount, store.flows.rows());
        long perFlow = store.flows.heapBytes() / flowCount;
        // 22 counters (176 B), id, groups, detail slot (28 B) and the index at most half full (<= 24 B)
        assertTrue(perFlow <= 240, "bytes per flow: " + perFlow);
        assertTrue(store.flows.heapBytes() <= FlowCounters.heapBytesAt(flowCount));
        // The whole store: flow rows plus 128 detailed flows, 4 "unknown" and 4 "other" groups, totals.
        long detailBound = 128L * (16L * 3600 + 40L * 3600 + 40L * 1440 + 64 * 1024);
        assertTrue(store.heapBytes() <= FlowCounters.heapBytesAt(flowCount) + detailBound + 10_000_000L,
                "store bytes: " + store.heapBytes());
    }

    @Test
    void detailSlotsGoToRecentlyActiveFlows() {
        StatsSettings settings = new StatsSettings(1000, 10, 120, 60, 100, 1, 8, 60);
        StatsStore store = new StatsStore(settings, StatsStoreTest::labels);
        source.delta(1, 1, 1, 0, 0);
        source.delta(2, 1, 1, 0, 0);
        drainAt(store, T0);
        assertTrue(store.flowSeries(1, Resolution.SECOND, Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 1), T0)
                .isPresent());
        assertTrue(store.flowSeries(2, Resolution.SECOND, Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 1), T0)
                .isEmpty());
        // Flow 1 idles for over a minute; at the next minute boundary its slot is freed for flow 2.
        store.advance(T0 + 120_000);
        source.delta(2, 1, 1, 0, 0);
        drainAt(store, T0 + 120_000);
        assertTrue(store.flowSeries(2, Resolution.SECOND, Instant.ofEpochMilli(T0 + 120_000),
                Instant.ofEpochMilli(T0 + 121_000), T0 + 120_000).isPresent());
        assertTrue(store.flowSeries(1, Resolution.SECOND, Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 1),
                T0 + 120_000).isEmpty());
    }

    static long nearestRank(long[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static void assertWithinOnePercent(long expected, long actual) {
        assertTrue(Math.abs(actual - expected) <= expected / 100.0,
                "expected " + expected + " within 1 %, got " + actual);
    }
}
