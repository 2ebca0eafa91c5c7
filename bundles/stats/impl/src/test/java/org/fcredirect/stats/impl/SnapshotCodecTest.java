package org.fcredirect.stats.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Instant;

import org.fcredirect.stats.api.GroupBy;
import org.fcredirect.stats.api.Resolution;
import org.junit.jupiter.api.Test;

class SnapshotCodecTest {
    static final long T0 = StatsStoreTest.T0;
    final FakeStatsSource source = new FakeStatsSource();
    final StatsIngest ingest = new StatsIngest();

    StatsStore filled(StatsSettings settings) {
        StatsStore store = new StatsStore(settings, StatsStoreTest::labels);
        for (int s = 0; s < 100; s++) {
            source.add(new FakeStatsSource.Delta(1 + s % 5, s, s * 10L, 1, 100, s % 2, 1, 1));
            source.exchange(1 + s % 5, s % 2 == 0, s % 7 == 0 ? 2 : 0, 1000L * (s + 1));
            store.advance(T0 + s * 1000L);
            ingest.begin(store, T0 + s * 1000L);
            source.drain(ingest, Integer.MAX_VALUE);
        }
        return store;
    }

    @Test
    void restoresEverythingQueriesSee() throws IOException {
        StatsStore store = filled(StatsStoreTest.SMALL);
        StatsStore copy = SnapshotCodec.decode(SnapshotCodec.encode(store), StatsStoreTest.SMALL,
                id -> { throw new AssertionError("labels come from the snapshot"); });
        long now = T0 + 99_000;
        Instant from = Instant.ofEpochMilli(T0);
        Instant to = Instant.ofEpochMilli(now + 1);
        assertEquals(store.totalSeries(Resolution.SECOND, from, to, now), copy.totalSeries(Resolution.SECOND, from, to, now));
        assertEquals(store.totalSeries(Resolution.MINUTE, from, to, now), copy.totalSeries(Resolution.MINUTE, from, to, now));
        for (GroupBy by : GroupBy.values()) {
            assertEquals(store.aggregate(from, to, by, now), copy.aggregate(from, to, by, now));
        }
        for (long id = 1; id <= 5; id++) {
            assertEquals(store.flow(id), copy.flow(id));
            assertEquals(store.flowSeries(id, Resolution.SECOND, from, to, now),
                    copy.flowSeries(id, Resolution.SECOND, from, to, now));
        }
        assertEquals(store.totalCounters(), copy.totalCounters());
        assertEquals(store.totalLatency, copy.totalLatency);
    }

    @Test
    void loadsIntoASmallerShapeKeepingWhatFits() throws IOException {
        StatsStore store = filled(StatsStoreTest.SMALL);
        StatsSettings smaller = new StatsSettings(1000, 10, 60, 60, 3, 1, 8, 60);
        StatsStore copy = SnapshotCodec.decode(SnapshotCodec.encode(store), smaller, StatsStoreTest::labels);
        assertEquals(3, copy.flows.rows());
        assertEquals(1, copy.detailedFlows());
        long now = T0 + 99_000;
        // Only the last 60 seconds are retained now.
        assertEquals(60, copy.totalSeries(Resolution.SECOND, Instant.ofEpochMilli(T0), Instant.ofEpochMilli(now + 1), now)
                .points().size());
        assertEquals(store.totalCounters(), copy.totalCounters());
    }

    @Test
    void refusesBytesThatAreNotASnapshot() {
        assertThrows(IOException.class, () -> SnapshotCodec.decode(new byte[] {1, 2, 3, 4}, StatsStoreTest.SMALL,
                StatsStoreTest::labels));
    }
}
