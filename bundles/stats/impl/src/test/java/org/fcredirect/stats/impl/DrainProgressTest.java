package org.fcredirect.stats.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.fcredirect.fastpath.api.StatsBacklog;
import org.junit.jupiter.api.Test;

class DrainProgressTest {

    static StatsBacklog dropped(long n) {
        return new StatsBacklog(0, 0, 0, n, 0, 0, 0, 0, Optional.of(Instant.EPOCH));
    }

    @Test
    void fullBatchesForFiveSecondsMeanFallingBehind() {
        DrainProgress p = new DrainProgress();
        for (long t = 0; t < 5_000; t += 100) {
            p.drained(1000, 1000, t);
            assertTrue(p.fallingBehind(1000, t).isEmpty());
        }
        p.drained(1000, 1000, 5_000);
        assertTrue(p.fallingBehind(1000, 5_000).orElseThrow().contains("full batch"));
        p.drained(10, 1000, 5_100);
        assertTrue(p.fallingBehind(1000, 5_100).isEmpty(), "the source ran dry: caught up");
        assertEquals(51 * 1000 + 10, p.recordsDrained());
    }

    @Test
    void droppedExchangeRecordsMeanFallingBehindForTenSeconds() {
        DrainProgress p = new DrainProgress();
        p.backlog(dropped(5), 0);
        assertTrue(p.fallingBehind(1000, 0).isEmpty(), "drops before we started are not ours");
        p.backlog(dropped(9), 1_000);
        assertTrue(p.fallingBehind(1000, 1_000).orElseThrow().contains("4 exchange records"));
        p.backlog(dropped(9), 11_001);
        assertTrue(p.fallingBehind(1000, 11_001).isEmpty());
    }

    @Test
    void failingDrainsMeanFallingBehind() {
        DrainProgress p = new DrainProgress();
        p.failed(new IllegalStateException("consumer broke"), 0);
        assertTrue(p.fallingBehind(1000, 10).orElseThrow().contains("consumer broke"));
    }
}
