package org.fcredirect.shell.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatsViewsTest {

    @Test
    void latencyKeepsAShortUnit() {
        assertEquals("0.0 us", StatsViews.latency(0));
        assertEquals("245.3 us", StatsViews.latency(245_300));
        assertEquals("392.53 ms", StatsViews.latency(392_525_200));
        assertEquals("1.05 s", StatsViews.latency(1_052_770_300));
    }

    @Test
    void durationsInTheirWholeUnit() {
        assertEquals("1 min", StatsViews.duration(Duration.ofSeconds(60)));
        assertEquals("90 s", StatsViews.duration(Duration.ofSeconds(90)));
        assertEquals("16 min", StatsViews.duration(Duration.ofMinutes(16)));
        assertEquals("24 h", StatsViews.duration(Duration.ofDays(1)));
    }
}
