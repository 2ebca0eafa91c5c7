package org.fcredirect.metrics;

import static org.fcredirect.metrics.Families.counter;
import static org.fcredirect.metrics.Families.gauge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.monitor.api.HealthStatus;
import org.fcredirect.monitor.api.TargetHealth;
import org.fcredirect.storage.api.LatencySummary;
import org.fcredirect.storage.api.StorageStatus;

/** Flows by state, the event log's appends and fsync latency, and the health of every check and appliance. */
final class ControlPlaneFamilies {
    private ControlPlaneFamilies() {
    }

    static MetricSnapshot flows(Map<FlowState, Long> byState) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (FlowState s : FlowState.values()) {
            counts.put(s.toString(), byState.getOrDefault(s, 0L));
        }
        return gauge("fcr_flows", "Flows by state", "state", counts);
    }

    /** Appends count as sequence numbers: one per event appended since the log was created. */
    static List<MetricSnapshot> storage(StorageStatus s) {
        LatencySummary force = s.forceLatency();
        return List.of(
                counter("fcr_storage_appends", "Events appended since the log was created (its last sequence number)",
                        null, s.lastSequence()),
                counter("fcr_storage_append_failures", "Appends that failed with an I/O error since the log was opened",
                        null, s.failedAppends()),
                gauge("fcr_storage_events", "Events stored, after compaction", null, s.eventCount()),
                gauge("fcr_storage_stored_bytes", "Bytes the stored events take", Unit.BYTES, s.byteCount()),
                gauge("fcr_storage_faulted", "1 while appends are failing, else 0", null, s.faulted() ? 1 : 0),
                SummarySnapshot.builder().name("fcr_storage_force_latency_seconds").unit(Unit.SECONDS)
                        .help("Time to force a write to stable storage, recent writes (no sum kept)")
                        .dataPoint(SummaryDataPointSnapshot.builder().count(force.count()).quantiles(Quantiles.builder()
                                .quantile(0.5, micros(force.p50Micros())).quantile(0.99, micros(force.p99Micros()))
                                .quantile(1.0, micros(force.maxMicros())).build()).build())
                        .build());
    }

    /** 1 healthy, 0 unhealthy; a target not decided yet is left out rather than reported down. */
    static MetricSnapshot health(List<TargetHealth> targets) {
        GaugeSnapshot.Builder family = GaugeSnapshot.builder().name("fcr_health_up")
                .help("1 when a health check or appliance is healthy, 0 when unhealthy; absent while undecided");
        for (TargetHealth t : targets) {
            if (t.status() != HealthStatus.UNKNOWN) {
                family.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("kind", t.kind().toString(), "target", t.name()))
                        .value(t.status() == HealthStatus.HEALTHY ? 1 : 0).build());
            }
        }
        return family.build();
    }

    private static double micros(long micros) {
        return micros / 1_000_000.0;
    }
}
