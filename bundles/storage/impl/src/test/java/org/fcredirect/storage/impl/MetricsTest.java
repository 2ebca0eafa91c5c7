package org.fcredirect.storage.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.fcredirect.storage.api.LatencySummary;
import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void bucketsCoverEveryValueAndBoundItWithinAnEighth() {
        for (long v = 0; v < 5_000_000; v = v < 100 ? v + 1 : v * 11 / 10) {
            int b = LatencyRecorder.bucket(v);
            long upper = LatencyRecorder.upperBound(b);
            assertTrue(upper >= v, v + " above its bucket's bound " + upper);
            assertTrue(upper <= v + Math.max(1, v / 8), v + " bound " + upper + " too loose");
            assertTrue(b == 0 || LatencyRecorder.upperBound(b - 1) < v, v + " belongs in a lower bucket");
        }
    }

    @Test
    void percentilesComeFromTheRecentWindow() {
        long minute = TimeUnit.MINUTES.toNanos(1);
        LatencyRecorder r = new LatencyRecorder(minute, 0);
        assertEquals(LatencySummary.EMPTY, r.summary());
        for (int i = 1; i <= 100; i++) {
            r.record(i * 10L, 1);
        }
        LatencySummary s = r.summary();
        assertEquals(100, s.count());
        assertTrue(s.p50Micros() >= 500 && s.p50Micros() <= 500 * 9 / 8, "p50 " + s.p50Micros());
        assertTrue(s.p99Micros() >= 990 && s.p99Micros() <= 1000, "p99 " + s.p99Micros());
        assertEquals(1000, s.maxMicros());
        r.record(3, minute + 1);
        assertEquals(101, r.summary().count(), "the previous window still counts");
        r.record(3, 2 * minute + 2);
        assertEquals(2, r.summary().count(), "two windows back is forgotten");
        assertEquals(3, r.summary().maxMicros());
    }

    @Test
    void rateIsTheMeanOfTheLastCompleteSeconds() {
        RateMeter m = new RateMeter();
        long s = 1_000_000_000L;
        for (int second = 10; second < 20; second++) {
            m.record(100, second * s + 5);
        }
        assertEquals(100.0, m.perSecond(20 * s), 0.001);
        assertEquals(0.0, m.perSecond(40 * s), 0.001);
    }

    @Test
    void sparseIndexFindsTheEntryAtOrBelow() {
        SparseIndex index = new SparseIndex();
        for (int i = 0; i < 10_000; i++) {
            index.onRecord(1000 + i, 32 + i * 40);
        }
        assertTrue(index.size() > 10_000 / SparseIndex.EVERY_RECORDS - 2);
        long[] hit = index.floor(1000 + 5000);
        assertTrue(hit[0] <= 6000 && 6000 - hit[0] < SparseIndex.EVERY_RECORDS, "entry " + hit[0]);
        assertEquals(32 + (hit[0] - 1000) * 40, hit[1]);
        assertEquals(null, index.floor(999));
    }
}
