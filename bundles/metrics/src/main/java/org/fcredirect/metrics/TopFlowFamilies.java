package org.fcredirect.metrics;

import java.util.List;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.function.ToDoubleFunction;
import org.fcredirect.stats.api.FlowStats;

/**
 * The busiest flows of the last complete minute, one series per flow: labels of high cardinality,
 * so only when the {@code topFlows} setting asks for them.
 */
final class TopFlowFamilies {
    private TopFlowFamilies() {
    }

    static List<MetricSnapshot> of(List<FlowStats> top) {
        return List.of(
                family("fcr_flow_top_exchanges_per_second", "Completed exchanges per second of a busy flow, last complete minute",
                        null, top, f -> f.lastMinute().iops()),
                family("fcr_flow_top_bytes_per_second", "Bytes per second, both directions, of a busy flow, last complete minute",
                        null, top, f -> f.lastMinute().mbps() * 1_000_000),
                family("fcr_flow_top_mean_latency_seconds", "Mean exchange completion time of a busy flow, last complete minute",
                        Unit.SECONDS, top, f -> f.lastMinute().meanLatencyNanos() / 1e9));
    }

    private static GaugeSnapshot family(String name, String help, Unit unit, List<FlowStats> top, ToDoubleFunction<FlowStats> value) {
        GaugeSnapshot.Builder family = GaugeSnapshot.builder().name(name).help(help).unit(unit);
        for (FlowStats f : top) {
            family.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("flow_id", Long.toString(f.flowId()), "vsan",
                    f.labels().vsan(), "initiator", f.labels().initiator(), "target", f.labels().target(), "appliance",
                    f.labels().appliance())).value(value.applyAsDouble(f)).build());
        }
        return family.build();
    }
}
