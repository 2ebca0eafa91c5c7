package org.fcredirect.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.monitor.api.CheckTiming;
import org.fcredirect.monitor.api.HealthStatus;
import org.fcredirect.monitor.api.TargetHealth;
import org.fcredirect.monitor.api.TargetKind;
import org.fcredirect.stats.api.FlowLabels;
import org.fcredirect.stats.api.FlowStats;
import org.fcredirect.stats.api.LatencyHistogram;
import org.fcredirect.stats.api.RateWindow;
import org.fcredirect.stats.api.StatsStatus;
import org.fcredirect.stats.api.TrafficCounters;
import org.fcredirect.storage.api.DurabilityMode;
import org.fcredirect.storage.api.LatencySummary;
import org.fcredirect.storage.api.StorageStatus;
import org.junit.jupiter.api.Test;

/** What a scraper reads: names, labels and values in the Prometheus and OpenMetrics text formats. */
class ExpositionTest {
    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");

    private static String write(ExpositionFormatWriter writer, List<MetricSnapshot> families) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out, new MetricSnapshots(families));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<MetricSnapshot> families() {
        List<MetricSnapshot> families = new ArrayList<>();
        TrafficCounters counters = new TrafficCounters(600, 1_200_000, 400, 800_000, 3, 60, 50, 30, 20, 2);
        StatsStatus status = new StatsStatus(true, 100, 10, 10, 0, 0, 7, 0, false, Optional.empty(), 0, 5, 0, 0,
                Optional.empty(), 0);
        families.addAll(StatsFamilies.of(counters, status, new LatencyHistogram(List.of(100_000L, 1_000_000L), List.of(20L, 45L),
                50, 9_000_000)));
        families.add(ControlPlaneFamilies.flows(Map.of(FlowState.ACTIVE, 3L, FlowState.BYPASSED, 1L)));
        families.addAll(ControlPlaneFamilies.storage(StorageStatus.builder("file", DurabilityMode.FSYNC).open(true)
                .sequences(1, 42).size(40, 4096).forceLatency(new LatencySummary(10, 800, 2500, 4000)).build()));
        CheckTiming timing = new CheckTiming(Duration.ofSeconds(1), Duration.ofSeconds(1), 3);
        families.add(ControlPlaneFamilies.health(List.of(
                new TargetHealth(TargetKind.CHECK, "storage", HealthStatus.HEALTHY, AT, "ok", Map.of(), 0, timing,
                        Optional.empty(), Optional.empty(), Optional.empty(), false),
                new TargetHealth(TargetKind.APPLIANCE, "crypt-1", HealthStatus.UNHEALTHY, AT, "3 heartbeats missed", Map.of(),
                        3, timing, Optional.empty(), Optional.empty(), Optional.empty(), true),
                new TargetHealth(TargetKind.APPLIANCE, "crypt-2", HealthStatus.UNKNOWN, AT, "", Map.of(), 0, timing,
                        Optional.empty(), Optional.empty(), Optional.empty(), false))));
        families.addAll(TopFlowFamilies.of(List.of(new FlowStats(7, new FlowLabels("10", "21:00:00:24:ff:00:00:01",
                "50:06:01:60:00:00:00:01", "crypt-1"), counters, new RateWindow(16.5, 0.25, 250_000), Optional.empty(),
                245_000, 1_200_000, AT, AT))));
        return families;
    }

    @Test
    void thePrometheusTextFormatNamesCountersTotalAndUsesBaseUnits() throws IOException {
        String text = write(PrometheusTextFormatWriter.create(), families());
        for (String line : new String[] {
            "fcr_stats_frames_total 1000.0", "fcr_stats_bytes_total 2000000.0", "fcr_stats_scsi_errors_total 2.0",
            "fcr_stats_lag_frames 7.0", "fcr_stats_keeping_up 1.0",
            "fcr_stats_exchange_latency_seconds_bucket{le=\"1.0E-4\"} 20",
            "fcr_stats_exchange_latency_seconds_bucket{le=\"0.001\"} 45",
            "fcr_stats_exchange_latency_seconds_bucket{le=\"+Inf\"} 50",
            "fcr_stats_exchange_latency_seconds_count 50", "fcr_stats_exchange_latency_seconds_sum 0.009",
            "fcr_flows{state=\"active\"} 3.0", "fcr_flows{state=\"bypassed\"} 1.0", "fcr_flows{state=\"pending\"} 0.0",
            "fcr_storage_appends_total 42.0", "fcr_storage_stored_bytes 4096.0",
            "fcr_storage_force_latency_seconds{quantile=\"0.99\"} 0.0025", "fcr_storage_force_latency_seconds_count 10",
            "fcr_health_up{kind=\"check\",target=\"storage\"} 1.0", "fcr_health_up{kind=\"appliance\",target=\"crypt-1\"} 0.0",
            "fcr_flow_top_bytes_per_second{appliance=\"crypt-1\",flow_id=\"7\",initiator=\"21:00:00:24:ff:00:00:01\","
                    + "target=\"50:06:01:60:00:00:00:01\",vsan=\"10\"} 250000.0"}) {
            assertTrue(text.contains(line + "\n"), line + " in\n" + text);
        }
        assertFalse(text.contains("crypt-2"), "an undecided target is left out");
    }

    @Test
    void openMetricsWhenTheScraperAsksForIt() throws IOException {
        ExpositionFormatWriter writer = MetricsServlet.writerFor("application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
        assertTrue(writer instanceof OpenMetricsTextFormatWriter);
        assertTrue(MetricsServlet.writerFor(null) instanceof PrometheusTextFormatWriter);
        assertTrue(MetricsServlet.writerFor("text/plain") instanceof PrometheusTextFormatWriter);
        String text = write(writer, families());
        assertTrue(text.contains("# UNIT fcr_stats_exchange_latency_seconds seconds\n"), text);
        assertTrue(text.contains("# TYPE fcr_stats_frames counter\n"), text);
        assertTrue(text.endsWith("# EOF\n"), text);
    }

}
