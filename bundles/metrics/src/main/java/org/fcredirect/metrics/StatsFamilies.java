package org.fcredirect.metrics;

import static org.fcredirect.metrics.Families.counter;
import static org.fcredirect.metrics.Families.gauge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import org.fcredirect.stats.api.LatencyHistogram;
import org.fcredirect.stats.api.StatsStatus;
import org.fcredirect.stats.api.TrafficCounters;

/** The statistics' totals since they were first kept (across restarts), and the exchange latency histogram. */
final class StatsFamilies {
    /** From 50 us (a fast flash read) to 10 s (a SCSI timeout's order). */
    static final List<Long> LATENCY_BOUNDS_NANOS = List.of(50_000L, 100_000L, 250_000L, 500_000L, 1_000_000L,
            2_500_000L, 5_000_000L, 10_000_000L, 25_000_000L, 50_000_000L, 100_000_000L, 250_000_000L, 500_000_000L,
            1_000_000_000L, 2_500_000_000L, 10_000_000_000L);

    private StatsFamilies() {
    }

    static List<MetricSnapshot> of(TrafficCounters c, StatsStatus status, LatencyHistogram latency) {
        return List.of(
                counter("fcr_stats_frames", "Frames counted, both directions", null, c.frames()),
                counter("fcr_stats_bytes", "Bytes counted, both directions", Unit.BYTES, c.bytes()),
                counter("fcr_stats_exchanges_completed", "Exchanges completed", null, c.exchangesCompleted()),
                counter("fcr_stats_reads", "Read commands", null, c.reads()),
                counter("fcr_stats_writes", "Write commands", null, c.writes()),
                counter("fcr_stats_scsi_errors", "Exchanges that ended in a SCSI error", null, c.scsiErrors()),
                counter("fcr_stats_frames_dropped", "Frames of counted flows that the fast path dropped", null,
                        c.framesDropped()),
                gauge("fcr_stats_lag_frames", "Frames waiting in the fast path's queues for the statistics", null,
                        status.lagFrames()),
                gauge("fcr_stats_keeping_up", "1 while the statistics drain keeps up with the fast path, else 0", null,
                        status.fallingBehind() ? 0 : 1),
                latency(latency));
    }

    static HistogramSnapshot latency(LatencyHistogram h) {
        List<Double> bounds = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        long below = 0;
        for (int i = 0; i < h.upperBoundsNanos().size(); i++) {
            bounds.add(seconds(h.upperBoundsNanos().get(i)));
            counts.add(h.cumulativeCounts().get(i) - below);
            below = h.cumulativeCounts().get(i);
        }
        bounds.add(Double.POSITIVE_INFINITY);
        counts.add(h.count() - below);
        return HistogramSnapshot.builder().name("fcr_stats_exchange_latency_seconds").unit(Unit.SECONDS)
                .help("Exchange completion time, command to response, of every exchange counted")
                .dataPoint(HistogramDataPointSnapshot.builder().classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts))
                        .sum(seconds(h.sumNanos())).build())
                .build();
    }

    private static double seconds(long nanos) {
        return nanos / (double) TimeUnit.SECONDS.toNanos(1);
    }
}
