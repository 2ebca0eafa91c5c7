package org.fcredirect.shell.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fcredirect.stats.api.TopMetric;
import org.junit.jupiter.api.Test;

class TopCommandTest extends CommandOutput {

    private TopCommand command() {
        TopCommand c = new TopCommand();
        c.stats = stats;
        return c;
    }

    @Test
    void listsTheTenBusiestByIopsByDefaultInTheServicesOrder() {
        stats.flows.put(7L, FakeStatsService.flow(7, 120.5, true));
        stats.flows.put(3L, FakeStatsService.flow(3, 16.6, false));
        command().execute();
        String out = printed();
        assertEquals(10, stats.topCountAsked);
        assertEquals(TopMetric.IOPS, stats.topMetricAsked);
        assertTrue(out.contains("Flow") && out.contains("IOPS") && out.contains("Mean latency"), out);
        assertTrue(out.indexOf("120.5") < out.indexOf("16.6") && out.contains("0.99") && out.contains("250.0 us"), out);
    }

    @Test
    void ranksByWhatItIsAskedAndPrintsJson() {
        stats.flows.put(7L, FakeStatsService.flow(7, 120.5, true));
        TopCommand c = command();
        c.count = 3;
        c.by = "MBPS";
        c.json = true;
        c.execute();
        assertEquals(3, stats.topCountAsked);
        assertEquals(TopMetric.MBPS, stats.topMetricAsked);
        assertTrue(printed().startsWith("[{\"id\":7,"), printed());
    }

    @Test
    void saysWhenNoFlowRanks() {
        command().execute();
        assertTrue(printed().contains("no flow had traffic in the last complete minute"), printed());
        TopCommand latency = command();
        latency.by = "latency";
        latency.execute();
        assertTrue(printed().contains("no flow completed an exchange in the last complete minute"), printed());
    }

    @Test
    void refusesACountOutOfRange() {
        for (int n : new int[] {-1, 0, TopCommand.MAX_COUNT + 1}) {
            TopCommand c = command();
            c.count = n;
            assertEquals("-n " + n + ": must be 1.." + TopCommand.MAX_COUNT,
                    assertThrows(IllegalArgumentException.class, c::execute).getMessage());
        }
    }

    @Test
    void refusesAnUnknownRanking() {
        TopCommand c = command();
        c.by = "fast";
        assertEquals("--by 'fast': must be one of iops, mbps, latency",
                assertThrows(IllegalArgumentException.class, c::execute).getMessage());
    }
}
