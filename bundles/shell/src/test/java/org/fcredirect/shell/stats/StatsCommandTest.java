package org.fcredirect.shell.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.fcredirect.flow.api.NotFoundException;
import org.junit.jupiter.api.Test;

class StatsCommandTest extends CommandOutput {

    private StatsCommand command(String flow) {
        StatsCommand c = new StatsCommand();
        c.stats = stats;
        c.clock = CLOCK;
        c.flow = flow;
        return c;
    }

    @Test
    void totalsShowTheLastWholeMinuteTheRetainedRangeAndTheDrain() {
        command(null).execute();
        String out = printed();
        assertEquals(Instant.parse("2024-05-01T10:19:00Z"), stats.totalsAsked.get(0)[0]);
        assertEquals(Instant.parse("2024-05-01T10:20:00Z"), stats.totalsAsked.get(0)[1]);
        assertTrue(out.contains("last 1 min") && out.contains("1000.0") && out.contains("8.19"), out);
        assertTrue(out.contains("last 24 h (retained)"), out);
        assertTrue(out.contains("keeping up") && out.contains("yes"), out);
        assertTrue(out.contains("2 batches, 150 flow deltas, 30000 frames waiting"), out);
        assertTrue(out.contains("last 640, mean 812.0"), out);
        assertTrue(out.contains("1500 (128 with series and percentiles)"), out);
    }

    @Test
    void aDrainFallingBehindSaysWhy() {
        stats.status = FakeStatsService.status(true, Optional.of("the source dropped 12 exchange records to full queues"));
        command(null).execute();
        assertTrue(printed().contains("NO: the source dropped 12 exchange records"), printed());
    }

    @Test
    void totalsAsJson() {
        StatsCommand c = command(null);
        c.json = true;
        c.execute();
        String out = printed();
        assertTrue(out.startsWith("{\"last_minute\":{\"group\":\"total\",\"resolution\":\"second\","
                + "\"from\":\"2024-05-01T10:19:00Z\",\"to\":\"2024-05-01T10:20:00Z\",\"frames\":360000,"), out);
        assertTrue(out.contains("\"iops\":1000.0") && out.contains("\"keeping_up\":true") && out.contains("\"lag_frames\":30000"), out);
    }

    @Test
    void aFlowShowsCountersRatesLatencyAndWhenItWasSeen() {
        stats.flows.put(7L, FakeStatsService.flow(7, 16.6, true));
        command("7").execute();
        String out = printed();
        assertTrue(out.contains("21:00:00:24:ff:00:00:01") && out.contains("crypt-1"), out);
        assertTrue(out.contains("3000 frames, 3300000 bytes") && out.contains("600 / 398"), out);
        assertTrue(out.contains("3 (2 frames dropped, 1 SCSI errors)"), out);
        assertTrue(out.contains("16.6 IOPS, 0.14 MB/s, mean 250.0 us"), out);
        assertTrue(out.contains("p50 240.0 us, p95 310.0 us, p99 400.0 us, max 1.20 ms (998 exchanges)"), out);
        assertTrue(out.contains("2024-05-01T09:00:00Z") && out.contains("2024-05-01T10:19:59Z"), out);
    }

    @Test
    void aFlowWithoutHistogramSaysPercentilesAreNotKept() {
        stats.flows.put(7L, FakeStatsService.flow(7, 1, false));
        command("7").execute();
        assertTrue(printed().contains("not kept: only the recently active flows keep a histogram"), printed());
        assertTrue(printed().contains("mean 245.0 us, max 1.20 ms"), printed());
    }

    @Test
    void aFlowAsJson() {
        stats.flows.put(7L, FakeStatsService.flow(7, 16.6, true));
        StatsCommand c = command("7");
        c.json = true;
        c.execute();
        String out = printed();
        assertTrue(out.startsWith("{\"id\":7,\"vsan\":\"10\","), out);
        assertTrue(out.contains("\"reads\":600,\"writes\":398") && out.contains("\"p99_ns\":400000")
                && out.contains("\"first_seen\":\"2024-05-01T09:00:00Z\""), out);
    }

    @Test
    void aMalformedFlowIdNamesItself() {
        assertEquals("flow id 'abc': must be a positive decimal number",
                assertThrows(IllegalArgumentException.class, command("abc")::execute).getMessage());
        assertEquals("flow id '0': must be a positive number",
                assertThrows(IllegalArgumentException.class, command("0")::execute).getMessage());
    }

    @Test
    void aFlowWithoutStatisticsIsNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class, command("42")::execute);
        assertTrue(e.getMessage().startsWith("flow '42': no statistics"), e.getMessage());
    }

    @Test
    void withoutTheServiceSaysWhichFeatureBringsIt() {
        StatsCommand c = command(null);
        c.stats = null;
        assertTrue(assertThrows(IllegalStateException.class, c::execute).getMessage().contains("feature fcr-stats"));
    }
}
