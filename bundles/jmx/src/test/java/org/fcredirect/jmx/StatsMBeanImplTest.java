package org.fcredirect.jmx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.fcredirect.stats.api.FlowLabels;
import org.fcredirect.stats.api.FlowStats;
import org.fcredirect.stats.api.GroupBy;
import org.fcredirect.stats.api.LatencyHistogram;
import org.fcredirect.stats.api.LatencySummary;
import org.fcredirect.stats.api.RangeStats;
import org.fcredirect.stats.api.RateWindow;
import org.fcredirect.stats.api.Resolution;
import org.fcredirect.stats.api.StatsService;
import org.fcredirect.stats.api.StatsStatus;
import org.fcredirect.stats.api.StatsTotals;
import org.fcredirect.stats.api.TimeSeries;
import org.fcredirect.stats.api.TopMetric;
import org.fcredirect.stats.api.TrafficCounters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatsMBeanImplTest {
    private static final Instant NOW = Instant.parse("2024-05-01T10:20:00.400Z");
    private static final FlowStats FLOW = new FlowStats(7, new FlowLabels("10", "21:00:00:24:ff:00:00:01",
            "50:06:01:60:00:00:00:01", "crypt-1"), new TrafficCounters(3000, 3_300_000, 2990, 4_900_000, 2, 1000, 998, 600, 398, 1),
            new RateWindow(16.6, 0.14, 250_000), Optional.of(new LatencySummary(998, 245_000, 240_000, 310_000, 400_000, 1_200_000)),
            245_000, 1_200_000, Instant.parse("2024-05-01T09:00:00Z"), Instant.parse("2024-05-01T10:19:59Z"));

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private ObjectName name;
    private final FakeStats stats = new FakeStats();
    private final StatsMBeanImpl mbean = new StatsMBeanImpl();

    @BeforeEach
    void register() throws Exception {
        mbean.stats = stats;
        mbean.server = server;
        mbean.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        mbean.activate();
        name = new ObjectName("org.fcredirect:type=Stats");
    }

    @AfterEach
    void unregister() throws Exception {
        mbean.deactivate();
        assertFalse(server.isRegistered(name));
    }

    @Test
    void readsTheLastWholeMinuteAndTheDrain() throws Exception {
        assertTrue(server.isRegistered(name));
        assertEquals(60_000L, server.getAttribute(name, "ExchangesLastMinute"));
        assertEquals(1000.0, server.getAttribute(name, "Iops"));
        assertEquals(8.192, (double) server.getAttribute(name, "MegabytesPerSecond"), 1e-9);
        assertArrayEquals(new Instant[] {Instant.parse("2024-05-01T10:19:00Z"), Instant.parse("2024-05-01T10:20:00Z")},
                stats.totalAsked);
        assertEquals(false, server.getAttribute(name, "KeepingUp"));
        assertEquals("the source dropped 12 exchange records to full queues", server.getAttribute(name, "FallingBehindReason"));
        assertEquals(150L, server.getAttribute(name, "LagFlowDeltas"));
        assertEquals(640, server.getAttribute(name, "LastBatchRecords"));
        assertEquals(812.0, server.getAttribute(name, "RecordsPerBatch"));
        assertEquals(1000L, server.getAttribute(name, "TotalFrames"));
        assertEquals(2_000_000L, server.getAttribute(name, "TotalBytes"));
        assertEquals(250.0, server.getAttribute(name, "LatencyP50Micros"));
        assertEquals(900.0, server.getAttribute(name, "LatencyP99Micros"));
        assertEquals(1500, server.getAttribute(name, "TrackedFlows"));
    }

    @Test
    void describesAFlowAndTheBusiestFlowsAsOpenData() throws Exception {
        CompositeData flow = (CompositeData) server.invoke(name, "flowStats", new Object[] {7L}, new String[] {"long"});
        assertEquals(7L, flow.get("flowId"));
        assertEquals("crypt-1", flow.get("appliance"));
        assertEquals(16.6, flow.get("iops"));
        assertEquals(3_300_000L, flow.get("bytesToTarget"));
        assertEquals(400.0, flow.get("p99LatencyMicros"));
        assertEquals("2024-05-01T09:00:00Z", flow.get("firstSeen"));
        TabularData top = (TabularData) server.invoke(name, "top", new Object[] {5, "MBps"}, new String[] {"int", "java.lang.String"});
        assertEquals(1, top.size());
        CompositeData busiest = top.get(new Object[] {1});
        assertEquals(7L, busiest.get("flowId"));
        assertEquals(250.0, busiest.get("meanLatencyMicros"));
        assertEquals(TopMetric.MBPS, stats.topMetricAsked);
    }

    @Test
    void failuresReachAConsoleAsIllegalArguments() {
        RuntimeMBeanException unknown = assertThrows(RuntimeMBeanException.class,
                () -> server.invoke(name, "flowStats", new Object[] {42L}, new String[] {"long"}));
        assertTrue(unknown.getCause() instanceof IllegalArgumentException);
        assertTrue(unknown.getCause().getMessage().startsWith("flow 42: no statistics"));
        RuntimeMBeanException badMetric = assertThrows(RuntimeMBeanException.class,
                () -> server.invoke(name, "top", new Object[] {5, "fast"}, new String[] {"int", "java.lang.String"}));
        assertEquals("by 'fast': must be one of iops, mbps, latency", badMetric.getCause().getMessage());
        RuntimeMBeanException badCount = assertThrows(RuntimeMBeanException.class,
                () -> server.invoke(name, "top", new Object[] {0, "iops"}, new String[] {"int", "java.lang.String"}));
        assertEquals("top needs n >= 1, got 0", badCount.getCause().getMessage());
    }

    /** A statistics service with 1000 exchanges/s and a drain that falls behind. */
    private static final class FakeStats implements StatsService {
        Instant[] totalAsked;
        TopMetric topMetricAsked;

        @Override
        public Optional<FlowStats> flow(long flowId) {
            return flowId == FLOW.flowId() ? Optional.of(FLOW) : Optional.empty();
        }

        @Override
        public RangeStats total(Instant from, Instant to) {
            totalAsked = new Instant[] {from, to};
            long exchanges = (to.getEpochSecond() - from.getEpochSecond()) * 1000;
            return new RangeStats(RangeStats.TOTAL, Resolution.SECOND, from, to, exchanges * 6, exchanges * 8192, exchanges, 0);
        }

        @Override
        public List<RangeStats> aggregate(Instant from, Instant to, GroupBy by) {
            throw new UnsupportedOperationException("a fake: these tests do not call it");
        }

        @Override
        public List<FlowStats> top(int n, TopMetric metric) {
            if (n < 1) {
                throw new IllegalArgumentException("top needs n >= 1, got " + n);
            }
            topMetricAsked = metric;
            return List.of(FLOW);
        }

        @Override
        public TimeSeries totalSeries(Resolution resolution, Instant from, Instant to) {
            throw new UnsupportedOperationException("a fake: these tests do not call it");
        }

        @Override
        public Optional<TimeSeries> flowSeries(long flowId, Resolution resolution, Instant from, Instant to) {
            throw new UnsupportedOperationException("a fake: these tests do not call it");
        }

        @Override
        public LatencyHistogram latencyHistogram(List<Long> upperBoundsNanos) {
            throw new UnsupportedOperationException("the MBean shows no histogram");
        }

        @Override
        public StatsTotals totals() {
            return new StatsTotals(new TrafficCounters(600, 1_200_000, 400, 800_000, 0, 60, 50, 30, 20, 0),
                    Optional.of(new LatencySummary(50, 300_000, 250_000, 400_000, 900_000, 1_000_000)));
        }

        @Override
        public StatsStatus status() {
            return new StatsStatus(true, 812_000, 1000, 640, 2, 150, 30_000, 12, true,
                    Optional.of("the source dropped 12 exchange records to full queues"), 45_200_000, 1500, 0, 128,
                    Optional.empty(), 0);
        }
    }
}
