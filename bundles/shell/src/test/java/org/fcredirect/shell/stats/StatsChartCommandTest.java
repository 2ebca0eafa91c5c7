package org.fcredirect.shell.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.fcredirect.flow.api.NotFoundException;
import org.fcredirect.stats.api.Resolution;
import org.junit.jupiter.api.Test;

class StatsChartCommandTest extends CommandOutput {
    private static final Instant WHOLE_SECOND = Instant.parse("2024-05-01T10:20:00Z");
    private static final Instant SPIKE = Instant.parse("2024-05-01T10:18:00Z");

    private StatsChartCommand command() {
        StatsChartCommand c = new StatsChartCommand();
        c.stats = stats;
        c.clock = CLOCK;
        return c;
    }

    @Test
    void drawsTheTotalOfTheLastWholeSecondsAveragedToTheWidth() {
        stats.bucketExchanges = t -> t.equals(SPIKE) ? 5000 : 1000;
        command().execute();
        assertEquals(Resolution.SECOND, stats.resolutionAsked);
        assertArrayEquals(new Instant[] {WHOLE_SECOND.minusSeconds(300), WHOLE_SECOND}, stats.seriesAsked);
        String[] lines = printed().split("\n");
        assertEquals("total IOPS, last 5 min in 1 s buckets, 5 per column: last 1000, mean 1013, peak 5000", lines[0]);
        assertEquals(1 + RateChart.HEIGHT + 2, lines.length);
        assertTrue(lines[1].startsWith("1800 ┤"), lines[1]);
        assertTrue(lines[lines.length - 1].trim().startsWith("10:15:00") && lines[lines.length - 1].endsWith("10:20:00"),
                lines[lines.length - 1]);
    }

    @Test
    void beyondAnHourDrawsMinuteBuckets() {
        StatsChartCommand c = command();
        c.minutes = 120;
        c.metric = "mbps";
        c.execute();
        assertEquals(Resolution.MINUTE, stats.resolutionAsked);
        Instant wholeMinute = Instant.parse("2024-05-01T10:20:00Z");
        assertArrayEquals(new Instant[] {wholeMinute.minusSeconds(7200), wholeMinute}, stats.seriesAsked);
        assertTrue(printed().startsWith("total MB/s, last 2 h in 1 min buckets, 2 per column: last 0, mean 0, peak 0"),
                printed());
    }

    @Test
    void drawsAFlowThatKeepsASeries() {
        stats.flows.put(7L, FakeStatsService.flow(7, 1, true));
        stats.detailed.add(7L);
        stats.bucketExchanges = t -> 250;
        StatsChartCommand c = command();
        c.flow = "7";
        c.minutes = 1;
        c.metric = "MBPS";
        c.execute();
        assertTrue(printed().startsWith("flow 7 MB/s, last 1 min in 1 s buckets: last 2.0, mean 2.0, peak 2.0"), printed());
    }

    @Test
    void saysWhenAFlowKeepsNoSeriesOrHasNoStatistics() {
        stats.flows.put(7L, FakeStatsService.flow(7, 1, false));
        StatsChartCommand notDetailed = command();
        notDetailed.flow = "7";
        assertEquals("flow '7': no time series kept: only the recently active flows keep one",
                assertThrows(NotFoundException.class, notDetailed::execute).getMessage());
        StatsChartCommand unknown = command();
        unknown.flow = "8";
        assertTrue(assertThrows(NotFoundException.class, unknown::execute).getMessage().startsWith("flow '8': no statistics"));
        StatsChartCommand malformed = command();
        malformed.flow = "x7";
        assertEquals("flow id 'x7': must be a positive decimal number",
                assertThrows(IllegalArgumentException.class, malformed::execute).getMessage());
    }

    @Test
    void refusesOptionsOutOfRange() {
        StatsChartCommand noMinutes = command();
        noMinutes.minutes = 0;
        assertEquals("--minutes 0: must be 1..1440", assertThrows(IllegalArgumentException.class, noMinutes::execute).getMessage());
        StatsChartCommand tooLong = command();
        tooLong.minutes = 1441;
        assertThrows(IllegalArgumentException.class, tooLong::execute);
        StatsChartCommand narrow = command();
        narrow.width = 5;
        assertEquals("--width 5: must be 24..200", assertThrows(IllegalArgumentException.class, narrow::execute).getMessage());
        StatsChartCommand latency = command();
        latency.metric = "latency";
        assertEquals("--metric 'latency': must be one of iops, mbps",
                assertThrows(IllegalArgumentException.class, latency::execute).getMessage());
    }
}
