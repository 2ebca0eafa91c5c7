package org.fcredirect.stats.impl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;

import org.HdrHistogram.Histogram;
import org.fcredirect.fastpath.api.ExchangeCompletion;
import org.fcredirect.fastpath.api.FlowDelta;
import org.fcredirect.stats.api.FlowLabels;
import org.fcredirect.stats.api.FlowStats;
import org.fcredirect.stats.api.GroupBy;
import org.fcredirect.stats.api.RangeStats;
import org.fcredirect.stats.api.RateWindow;
import org.fcredirect.stats.api.Resolution;
import org.fcredirect.stats.api.SeriesPoint;
import org.fcredirect.stats.api.TimeSeries;
import org.fcredirect.stats.api.TopMetric;
import org.fcredirect.stats.api.TrafficCounters;

/**
 * All statistics: totals with second and minute rollups, per-flow rows, per-group minute rollups
 * and the detail (series, histogram) of the recently active flows. Not thread-safe: one writer
 * (the drain) and readers serialize on the owner's lock. Counts go to the bucket of the time the
 * record is applied; callers pass that time.
 */
final class StatsStore {
    static final int SCSI_GOOD = 0;
    /** A detail slot is given up by a flow idle for this long, for the next flow that is active. */
    static final long DETAIL_IDLE_MILLIS = 60_000;
    private static final long MINUTE_MILLIS = 60_000;

    final StatsSettings settings;
    final BucketRing totalSeconds;
    final BucketRing totalMinutes;
    /** Columns {@link FlowCounters#FRAMES_TO_TARGET} to {@link FlowCounters#LATENCY_MAX} of all traffic. */
    final long[] totals = new long[FlowCounters.LATENCY_MAX + 1];
    final Histogram totalLatency = LatencyHistograms.create();
    final FlowCounters flows;
    final GroupDimension[] dimensions = new GroupDimension[GroupBys.COUNT];
    private final FlowDetail[] details;
    private final int[] detailOwner;
    /** Free detail slots as a stack, so a flow without one finds out in O(1) that none is free. */
    private final int[] freeDetails;
    private int freeDetailCount;
    private final FlowLabelSource labelSource;
    long untrackedDeltas;
    long currentMinute = Long.MIN_VALUE;

    StatsStore(StatsSettings settings, FlowLabelSource labelSource) {
        this.settings = settings;
        this.labelSource = labelSource;
        totalSeconds = new BucketRing(settings.secondsRetained());
        totalMinutes = new BucketRing(settings.minutesRetained());
        flows = new FlowCounters(settings.maxFlows());
        for (int d = 0; d < GroupBys.COUNT; d++) {
            dimensions[d] = new GroupDimension(settings.maxGroups(), settings.minutesRetained());
        }
        details = new FlowDetail[settings.detailedFlows()];
        detailOwner = new int[settings.detailedFlows()];
        Arrays.fill(detailOwner, -1);
        freeDetails = new int[details.length];
        for (int s = 0; s < details.length; s++) {
            freeDetails[s] = details.length - 1 - s;
        }
        freeDetailCount = details.length;
    }

    /** Moves the clock on: closes minutes of the per-flow rate windows and frees idle details. */
    void advance(long nowMillis) {
        long minute = Math.floorDiv(nowMillis, MINUTE_MILLIS);
        if (currentMinute == Long.MIN_VALUE) {
            currentMinute = minute;
        } else if (minute > currentMinute) {
            flows.rollMinute(minute - currentMinute);
            freeIdleDetails(nowMillis);
            currentMinute = minute;
        }
    }

    void flowDelta(FlowDelta d, long nowMillis) {
        long frames = d.frames();
        long bytes = d.bytes();
        long exchanges = d.exchangesCompleted();
        long dropped = d.framesDropped();
        totals[FlowCounters.FRAMES_TO_TARGET] += d.framesToTarget();
        totals[FlowCounters.BYTES_TO_TARGET] += d.bytesToTarget();
        totals[FlowCounters.FRAMES_TO_INITIATOR] += d.framesToInitiator();
        totals[FlowCounters.BYTES_TO_INITIATOR] += d.bytesToInitiator();
        totals[FlowCounters.FRAMES_DROPPED] += dropped;
        totals[FlowCounters.EXCHANGES_OPENED] += d.exchangesOpened();
        totals[FlowCounters.EXCHANGES_COMPLETED] += exchanges;
        long second = Math.floorDiv(nowMillis, 1000);
        long minute = Math.floorDiv(nowMillis, MINUTE_MILLIS);
        totalSeconds.add(second, frames, bytes, exchanges, dropped);
        totalMinutes.add(minute, frames, bytes, exchanges, dropped);

        int row = rowOf(d.flowId(), nowMillis);
        if (row < 0) {
            untrackedDeltas++;
            return;
        }
        flows.add(row, FlowCounters.FRAMES_TO_TARGET, d.framesToTarget());
        flows.add(row, FlowCounters.BYTES_TO_TARGET, d.bytesToTarget());
        flows.add(row, FlowCounters.FRAMES_TO_INITIATOR, d.framesToInitiator());
        flows.add(row, FlowCounters.BYTES_TO_INITIATOR, d.bytesToInitiator());
        flows.add(row, FlowCounters.FRAMES_DROPPED, dropped);
        flows.add(row, FlowCounters.EXCHANGES_OPENED, d.exchangesOpened());
        flows.add(row, FlowCounters.EXCHANGES_COMPLETED, exchanges);
        flows.add(row, FlowCounters.MINUTE_BYTES, bytes);
        flows.add(row, FlowCounters.MINUTE_EXCHANGES, exchanges);
        flows.set(row, FlowCounters.LAST_SEEN, nowMillis);
        for (int dim = 0; dim < GroupBys.COUNT; dim++) {
            dimensions[dim].ring(flows.group(row, dim)).add(minute, frames, bytes, exchanges, dropped);
        }
        FlowDetail detail = detailOf(row);
        if (detail != null) {
            detail.seconds.add(second, frames, bytes, exchanges, dropped);
            detail.minutes.add(minute, frames, bytes, exchanges, dropped);
        }
    }

    void exchange(ExchangeCompletion e, long nowMillis) {
        int kind = e.write() ? FlowCounters.WRITES : FlowCounters.READS;
        long error = e.scsiStatus() == SCSI_GOOD ? 0 : 1;
        // A negative time can only come from a capture's clock going back; count it as zero.
        long nanos = Math.max(0, e.completionNanos());
        totals[kind]++;
        totals[FlowCounters.SCSI_ERRORS] += error;
        totals[FlowCounters.LATENCY_SUM] += nanos;
        totals[FlowCounters.LATENCY_MAX] = Math.max(totals[FlowCounters.LATENCY_MAX], nanos);
        totalLatency.recordValue(nanos);
        long second = Math.floorDiv(nowMillis, 1000);
        long minute = Math.floorDiv(nowMillis, MINUTE_MILLIS);
        if (error != 0) {
            totalSeconds.add(second, 0, 0, 0, error);
            totalMinutes.add(minute, 0, 0, 0, error);
        }
        int row = rowOf(e.flowId(), nowMillis);
        if (row < 0) {
            return;
        }
        flows.add(row, kind, 1);
        flows.add(row, FlowCounters.SCSI_ERRORS, error);
        flows.add(row, FlowCounters.LATENCY_SUM, nanos);
        flows.max(row, FlowCounters.LATENCY_MAX, nanos);
        flows.add(row, FlowCounters.MINUTE_LATENCY_SUM, nanos);
        flows.add(row, FlowCounters.MINUTE_LATENCY_COUNT, 1);
        flows.set(row, FlowCounters.LAST_SEEN, nowMillis);
        if (error != 0) {
            for (int dim = 0; dim < GroupBys.COUNT; dim++) {
                dimensions[dim].ring(flows.group(row, dim)).add(minute, 0, 0, 0, error);
            }
        }
        FlowDetail detail = detailOf(row);
        if (detail != null) {
            detail.latency.recordValue(nanos);
            if (error != 0) {
                detail.seconds.add(second, 0, 0, 0, error);
                detail.minutes.add(minute, 0, 0, 0, error);
            }
        }
    }

    /** Looks a flow's labels up again (its appliance or logins changed); later traffic goes to the new groups. */
    void relabel(long flowId) {
        int row = flows.row(flowId);
        if (row >= 0) {
            assignGroups(row, labelSource.labels(flowId));
        }
    }

    void relabelAll() {
        for (int row = 0; row < flows.rows(); row++) {
            assignGroups(row, labelSource.labels(flows.flowId(row)));
        }
    }

    Optional<FlowStats> flow(long flowId) {
        int row = flows.row(flowId);
        return row < 0 ? Optional.empty() : Optional.of(flowStats(row));
    }

    RangeStats total(Instant from, Instant to, long nowMillis) {
        boolean seconds = Span.retains(Resolution.SECOND, from, nowMillis, settings.secondsRetained());
        Span span = seconds ? Span.of(Resolution.SECOND, from, to, nowMillis, settings.secondsRetained())
                : Span.of(Resolution.MINUTE, from, to, nowMillis, settings.minutesRetained());
        return rangeStats(RangeStats.TOTAL, span, seconds ? totalSeconds : totalMinutes);
    }

    List<RangeStats> aggregate(Instant from, Instant to, GroupBy by, long nowMillis) {
        Span span = Span.of(Resolution.MINUTE, from, to, nowMillis, settings.minutesRetained());
        GroupDimension dimension = dimensions[by.ordinal()];
        List<RangeStats> groups = new ArrayList<>();
        for (int g = 0; g < dimension.size(); g++) {
            RangeStats stats = rangeStats(dimension.label(g), span, dimension.ring(g));
            if (stats.frames() != 0 || stats.exchanges() != 0 || stats.errors() != 0) {
                groups.add(stats);
            }
        }
        groups.sort(Comparator.comparingLong(RangeStats::bytes).reversed().thenComparing(RangeStats::group));
        return groups;
    }

    List<FlowStats> top(int n, TopMetric metric) {
        if (n < 1) {
            throw new IllegalArgumentException("top needs n >= 1, got " + n);
        }
        Comparator<Integer> ascending = Comparator.<Integer>comparingDouble(row -> score(row, metric))
                .thenComparing(row -> -flows.flowId(row));
        PriorityQueue<Integer> best = new PriorityQueue<>(ascending);
        for (int row = 0; row < flows.rows(); row++) {
            if (!ranked(row, metric)) {
                continue;
            }
            best.add(row);
            if (best.size() > n) {
                best.poll();
            }
        }
        List<Integer> rows = new ArrayList<>(best);
        rows.sort(ascending.reversed());
        return rows.stream().map(this::flowStats).toList();
    }

    TimeSeries totalSeries(Resolution resolution, Instant from, Instant to, long nowMillis) {
        return series(OptionalLong.empty(), resolution, from, to, nowMillis,
                resolution == Resolution.SECOND ? totalSeconds : totalMinutes);
    }

    Optional<TimeSeries> flowSeries(long flowId, Resolution resolution, Instant from, Instant to, long nowMillis) {
        int row = flows.row(flowId);
        if (row < 0 || flows.detail(row) == FlowCounters.NO_DETAIL) {
            return Optional.empty();
        }
        FlowDetail detail = details[flows.detail(row)];
        return Optional.of(series(OptionalLong.of(flowId), resolution, from, to, nowMillis,
                resolution == Resolution.SECOND ? detail.seconds : detail.minutes));
    }

    int detailedFlows() {
        return details.length - freeDetailCount;
    }

    long heapBytes() {
        long bytes = totalSeconds.heapBytes() + totalMinutes.heapBytes() + flows.heapBytes()
                + totalLatency.getEstimatedFootprintInBytes();
        for (GroupDimension dimension : dimensions) {
            bytes += dimension.heapBytes();
        }
        for (FlowDetail detail : details) {
            bytes += detail == null ? 0 : detail.heapBytes();
        }
        return bytes;
    }

    /** The detail kept for a row, giving it a free slot if there is one; null when none is free. */
    FlowDetail detailOf(int row) {
        int slot = flows.detail(row);
        if (slot != FlowCounters.NO_DETAIL) {
            return details[slot];
        }
        if (freeDetailCount == 0) {
            return null;
        }
        int s = freeDetails[--freeDetailCount];
        if (details[s] == null) {
            details[s] = new FlowDetail(settings.secondsRetained(), settings.minutesRetained());
        } else {
            details[s].clear();
        }
        detailOwner[s] = row;
        flows.setDetail(row, s);
        return details[s];
    }

    /** Finds or adds the row of a flow; -1 when the table is full. */
    int rowOf(long flowId, long nowMillis) {
        int row = flows.row(flowId);
        if (row < 0) {
            row = flows.addFlow(flowId, nowMillis);
            if (row >= 0) {
                assignGroups(row, labelSource.labels(flowId));
            }
        }
        return row;
    }

    void assignGroups(int row, FlowLabels labels) {
        for (GroupBy by : GroupBys.ALL) {
            flows.setGroup(row, by.ordinal(), dimensions[by.ordinal()].groupOf(labels.of(by)));
        }
    }

    private void freeIdleDetails(long nowMillis) {
        for (int s = 0; s < detailOwner.length; s++) {
            int row = detailOwner[s];
            if (row >= 0 && flows.get(row, FlowCounters.LAST_SEEN) < nowMillis - DETAIL_IDLE_MILLIS) {
                flows.setDetail(row, FlowCounters.NO_DETAIL);
                detailOwner[s] = -1;
                freeDetails[freeDetailCount++] = s;
            }
        }
    }

    private boolean ranked(int row, TopMetric metric) {
        return metric == TopMetric.LATENCY ? flows.get(row, FlowCounters.PREV_LATENCY_COUNT) > 0
                : flows.get(row, FlowCounters.PREV_BYTES) > 0 || flows.get(row, FlowCounters.PREV_EXCHANGES) > 0;
    }

    private double score(int row, TopMetric metric) {
        return switch (metric) {
            case IOPS -> flows.get(row, FlowCounters.PREV_EXCHANGES);
            case MBPS -> flows.get(row, FlowCounters.PREV_BYTES);
            case LATENCY -> meanLatency(row);
        };
    }

    private long meanLatency(int row) {
        long count = flows.get(row, FlowCounters.PREV_LATENCY_COUNT);
        return count == 0 ? 0 : flows.get(row, FlowCounters.PREV_LATENCY_SUM) / count;
    }

    private FlowStats flowStats(int row) {
        FlowLabels labels = new FlowLabels(label(row, GroupBy.VSAN), label(row, GroupBy.INITIATOR),
                label(row, GroupBy.TARGET), label(row, GroupBy.APPLIANCE));
        long recorded = flows.get(row, FlowCounters.READS) + flows.get(row, FlowCounters.WRITES);
        int slot = flows.detail(row);
        return new FlowStats(flows.flowId(row), labels, counters(row),
                new RateWindow(flows.get(row, FlowCounters.PREV_EXCHANGES) / 60.0,
                        flows.get(row, FlowCounters.PREV_BYTES) / 60.0 / 1_000_000, meanLatency(row)),
                slot == FlowCounters.NO_DETAIL || details[slot].latency.getTotalCount() == 0 ? Optional.empty()
                        : Optional.of(LatencyHistograms.summary(details[slot].latency)),
                recorded == 0 ? 0 : flows.get(row, FlowCounters.LATENCY_SUM) / recorded,
                flows.get(row, FlowCounters.LATENCY_MAX),
                Instant.ofEpochMilli(flows.get(row, FlowCounters.FIRST_SEEN)),
                Instant.ofEpochMilli(flows.get(row, FlowCounters.LAST_SEEN)));
    }

    TrafficCounters totalCounters() {
        long[] t = totals;
        return new TrafficCounters(t[FlowCounters.FRAMES_TO_TARGET], t[FlowCounters.BYTES_TO_TARGET],
                t[FlowCounters.FRAMES_TO_INITIATOR], t[FlowCounters.BYTES_TO_INITIATOR], t[FlowCounters.FRAMES_DROPPED],
                t[FlowCounters.EXCHANGES_OPENED], t[FlowCounters.EXCHANGES_COMPLETED], t[FlowCounters.READS],
                t[FlowCounters.WRITES], t[FlowCounters.SCSI_ERRORS]);
    }

    private TrafficCounters counters(int row) {
        return new TrafficCounters(flows.get(row, FlowCounters.FRAMES_TO_TARGET),
                flows.get(row, FlowCounters.BYTES_TO_TARGET), flows.get(row, FlowCounters.FRAMES_TO_INITIATOR),
                flows.get(row, FlowCounters.BYTES_TO_INITIATOR), flows.get(row, FlowCounters.FRAMES_DROPPED),
                flows.get(row, FlowCounters.EXCHANGES_OPENED), flows.get(row, FlowCounters.EXCHANGES_COMPLETED),
                flows.get(row, FlowCounters.READS), flows.get(row, FlowCounters.WRITES),
                flows.get(row, FlowCounters.SCSI_ERRORS));
    }

    private String label(int row, GroupBy by) {
        return dimensions[by.ordinal()].label(flows.group(row, by.ordinal()));
    }

    private static RangeStats rangeStats(String group, Span span, BucketRing ring) {
        long[] sums = new long[BucketRing.METRICS];
        ring.sumInto(span.fromUnit(), span.toUnit(), sums);
        return new RangeStats(group, span.resolution(), span.from(), span.to(), sums[BucketRing.FRAMES],
                sums[BucketRing.BYTES], sums[BucketRing.EXCHANGES], sums[BucketRing.ERRORS]);
    }

    private TimeSeries series(OptionalLong flowId, Resolution resolution, Instant from, Instant to, long nowMillis,
            BucketRing ring) {
        Span span = Span.of(resolution, from, to, nowMillis, ring.length());
        List<SeriesPoint> points = new ArrayList<>((int) (span.toUnit() - span.fromUnit()));
        for (long u = span.fromUnit(); u < span.toUnit(); u++) {
            points.add(new SeriesPoint(span.start(u), ring.value(u, BucketRing.FRAMES), ring.value(u, BucketRing.BYTES),
                    ring.value(u, BucketRing.EXCHANGES), ring.value(u, BucketRing.ERRORS)));
        }
        return new TimeSeries(flowId, resolution, points);
    }

    FlowDetail detail(int slot) {
        return details[slot];
    }
}
