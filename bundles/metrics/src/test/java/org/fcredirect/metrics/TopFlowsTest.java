package org.fcredirect.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.fcredirect.stats.api.TopMetric;
import org.junit.jupiter.api.Test;

class TopFlowsTest {
    private final List<String> problems = new ArrayList<>();

    @Test
    void takesTheSettingsAsTheyAre() {
        assertEquals(new TopFlows(10, TopMetric.MBPS), TopFlows.of(10, " MBps ", problems::add));
        assertEquals(new TopFlows(0, TopMetric.LATENCY), TopFlows.of(0, "latency", problems::add));
        assertEquals(List.of(), problems);
    }

    @Test
    void aCountOutOfRangeOrAnUnknownMetricIsToldAndReplaced() {
        assertEquals(new TopFlows(100, TopMetric.IOPS), TopFlows.of(100_000, "fast", problems::add));
        assertEquals(new TopFlows(0, TopMetric.IOPS), TopFlows.of(-5, null, problems::add));
        assertEquals(new TopFlows(0, TopMetric.IOPS), TopFlows.of(0, "", problems::add));
        assertEquals(List.of("metrics topFlows 100000 is outside 0..100: using 100",
                "metrics topBy 'fast' is none of iops, mbps, latency: using iops",
                "metrics topFlows -5 is outside 0..100: using 0",
                "metrics topBy 'null' is none of iops, mbps, latency: using iops",
                "metrics topBy '' is none of iops, mbps, latency: using iops"), problems);
    }
}
