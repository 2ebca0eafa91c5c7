package org.fcredirect.metrics;

import java.util.Map;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * Metric families of one value, or of one value per label value. Counter names leave out
 * {@code _total}: the text writers add it.
 */
final class Families {
    private Families() {
    }

    static CounterSnapshot counter(String name, String help, Unit unit, double value) {
        return CounterSnapshot.builder().name(name).help(help).unit(unit)
                .dataPoint(CounterDataPointSnapshot.builder().value(value).build()).build();
    }

    static CounterSnapshot counter(String name, String help, String label, Map<String, ? extends Number> values) {
        CounterSnapshot.Builder family = CounterSnapshot.builder().name(name).help(help);
        values.forEach((key, value) -> family.dataPoint(CounterDataPointSnapshot.builder().labels(Labels.of(label, key))
                .value(value.doubleValue()).build()));
        return family.build();
    }

    static GaugeSnapshot gauge(String name, String help, Unit unit, double value) {
        return GaugeSnapshot.builder().name(name).help(help).unit(unit)
                .dataPoint(GaugeDataPointSnapshot.builder().value(value).build()).build();
    }

    static GaugeSnapshot gauge(String name, String help, String label, Map<String, ? extends Number> values) {
        GaugeSnapshot.Builder family = GaugeSnapshot.builder().name(name).help(help);
        values.forEach((key, value) -> family.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of(label, key))
                .value(value.doubleValue()).build()));
        return family.build();
    }
}
