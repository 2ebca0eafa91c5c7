package org.fcredirect.shell.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.fcredirect.stats.api.FlowLabels;
import org.fcredirect.stats.api.FlowStats;
import org.fcredirect.stats.api.GroupBy;
import org.fcredirect.stats.api.LatencyHistogram;
import org.fcredirect.stats.api.LatencySummary;
import org.fcredirect.stats.api.RangeStats;
import org.fcredirect.stats.api.RateWindow;
import org.fcredirect.stats.api.Resolution;
import org.fcredirect.stats.api.SeriesPoint;
import org.fcredirect.stats.api.StatsService;
import org.fcredirect.stats.api.StatsStatus;
import org.fcredirect.stats.api.StatsTotals;
import org.fcredirect.stats.api.TimeSeries;
import org.fcredirect.stats.api.TopMetric;
import org.fcredirect.stats.api.TrafficCounters;

/**
 * A statistics service answering from what a test put in, keeping the real one's contract (range
 * checks, retention clipping), and remembering what it was asked.
 */
final class FakeStatsService implements StatsService {
    static final Duration RETAINED = Duration.ofDays(1);
    static final long BYTES_PER_EXCHANGE = 8192;

    final Map<Long, FlowStats> flows = new LinkedHashMap<>();
    /** Flows keeping a time series. */
    final Set<Long> detailed = new HashSet<>();
    /** The total's exchanges per second, constant. */
    long exchangesPerSecond = 1000;
    /** Exchanges of each series bucket, by its start. */
    ToLongFunction<Instant> bucketExchanges = start -> 0;
    List<RangeStats> groups = List.of();
    StatsStatus status = status(false, Optional.empty());

    final List<Instant[]> totalsAsked = new ArrayList<>();
    Instant[] aggregateAsked;
    GroupBy groupByAsked;
    int topCountAsked;
    TopMetric topMetricAsked;
    Resolution resolutionAsked;
    Instant[] seriesAsked;

    @Override
    public Optional<FlowStats> flow(long flowId) {
        return Optional.ofNullable(flows.get(flowId));
    }

    @Override
    public RangeStats total(Instant from, Instant to) {
        check(from, to);
        totalsAsked.add(new Instant[] {from, to});
        Instant start = from.isBefore(to.minus(RETAINED)) ? to.minus(RETAINED) : from;
        long seconds = Duration.between(start, to).toSeconds();
        long exchanges = seconds * exchangesPerSecond;
        return new RangeStats(RangeStats.TOTAL, Resolution.SECOND, start, to, exchanges * 6,
                exchanges * BYTES_PER_EXCHANGE, exchanges, 0);
    }

    @Override
    public List<RangeStats> aggregate(Instant from, Instant to, GroupBy by) {
        check(from, to);
        aggregateAsked = new Instant[] {from, to};
        groupByAsked = by;
        return groups;
    }

    @Override
    public List<FlowStats> top(int n, TopMetric metric) {
        if (n < 1) {
            throw new IllegalArgumentException("top needs n >= 1, got " + n);
        }
        topCountAsked = n;
        topMetricAsked = metric;
        return flows.values().stream().limit(n).toList();
    }

    @Override
    public TimeSeries totalSeries(Resolution resolution, Instant from, Instant to) {
        return series(OptionalLong.empty(), resolution, from, to);
    }

    @Override
    public Optional<TimeSeries> flowSeries(long flowId, Resolution resolution, Instant from, Instant to) {
        return detailed.contains(flowId) ? Optional.of(series(OptionalLong.of(flowId), resolution, from, to))
                : Optional.empty();
    }

    /** Everything since the start: what a test put in. */
    StatsTotals totals = new StatsTotals(new TrafficCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), Optional.empty());

    @Override
    public LatencyHistogram latencyHistogram(List<Long> upperBoundsNanos) {
        throw new UnsupportedOperationException("the shell shows no histogram");
    }

    @Override
    public StatsTotals totals() {
        return totals;
    }

    @Override
    public StatsStatus status() {
        return status;
    }

    private TimeSeries series(OptionalLong flowId, Resolution resolution, Instant from, Instant to) {
        check(from, to);
        resolutionAsked = resolution;
        seriesAsked = new Instant[] {from, to};
        List<SeriesPoint> points = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plus(resolution.width())) {
            long exchanges = bucketExchanges.applyAsLong(t);
            points.add(new SeriesPoint(t, exchanges * 6, exchanges * BYTES_PER_EXCHANGE, exchanges, 0));
        }
        return new TimeSeries(flowId, resolution, points);
    }

    private static void check(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("range end " + to + " is not after its start " + from);
        }
    }

    static StatsStatus status(boolean fallingBehind, Optional<String> reason) {
        return new StatsStatus(true, 812_000, 1000, 640, 2, 150, 30_000, 0, fallingBehind, reason, 45_200_000, 1500, 0,
                128, Optional.of(Instant.parse("2024-05-01T10:15:00Z")), 0);
    }

    /** A flow with 600 reads and 398 writes, and percentiles when {@code withHistogram}. */
    static FlowStats flow(long id, double iops, boolean withHistogram) {
        TrafficCounters counters = new TrafficCounters(3000, 3_300_000, 2990, 4_900_000, 2, 1000, 998, 600, 398, 1);
        Optional<LatencySummary> latency = withHistogram
                ? Optional.of(new LatencySummary(998, 245_000, 240_000, 310_000, 400_000, 1_200_000))
                : Optional.empty();
        return new FlowStats(id, new FlowLabels("10", "21:00:00:24:ff:00:00:01", "50:06:01:60:00:00:00:01", "crypt-1"),
                counters, new RateWindow(iops, iops * BYTES_PER_EXCHANGE / 1e6, 250_000), latency, 245_000, 1_200_000,
                Instant.parse("2024-05-01T09:00:00Z"), Instant.parse("2024-05-01T10:19:59Z"));
    }
}
