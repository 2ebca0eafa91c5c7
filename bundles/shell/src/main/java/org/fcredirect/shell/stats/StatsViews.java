package org.fcredirect.shell.stats;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fcredirect.shell.View;
import org.fcredirect.stats.api.FlowStats;
import org.fcredirect.stats.api.LatencySummary;
import org.fcredirect.stats.api.RangeStats;
import org.fcredirect.stats.api.RateWindow;
import org.fcredirect.stats.api.StatsStatus;
import org.fcredirect.stats.api.StatsTotals;
import org.fcredirect.stats.api.TrafficCounters;

/** How ranges, flows, top lists and the drain's status look in tables and in JSON, the same in every command. */
final class StatsViews {
    /** Traffic and its rates over a range; a table labels each row with the range or group it covers. */
    static final View<RangeStats> RANGES = new View<RangeStats>("no traffic in the range")
            .jsonOnly("group", RangeStats::group)
            .jsonOnly("resolution", r -> StatsChoices.name(r.resolution()))
            .jsonOnly("from", r -> r.from().toString())
            .jsonOnly("to", r -> r.to().toString())
            .number("Frames", "frames", RangeStats::frames)
            .number("Bytes", "bytes", RangeStats::bytes)
            .number("Exchanges", "exchanges", RangeStats::exchanges)
            .number("Errors", "errors", RangeStats::errors)
            .number("IOPS", "iops", RangeStats::iops, r -> iops(r.iops()))
            .number("MB/s", "mbps", RangeStats::mbps, r -> mbps(r.mbps()));

    static final View<TrafficCounters> COUNTERS = new View<TrafficCounters>("")
            .jsonOnly("frames_to_target", TrafficCounters::framesToTarget)
            .jsonOnly("bytes_to_target", TrafficCounters::bytesToTarget)
            .jsonOnly("frames_to_initiator", TrafficCounters::framesToInitiator)
            .jsonOnly("bytes_to_initiator", TrafficCounters::bytesToInitiator)
            .jsonOnly("frames_dropped", TrafficCounters::framesDropped)
            .jsonOnly("exchanges_opened", TrafficCounters::exchangesOpened)
            .jsonOnly("exchanges_completed", TrafficCounters::exchangesCompleted)
            .jsonOnly("reads", TrafficCounters::reads)
            .jsonOnly("writes", TrafficCounters::writes)
            .jsonOnly("scsi_errors", TrafficCounters::scsiErrors);

    static final View<LatencySummary> LATENCY = new View<LatencySummary>("")
            .jsonOnly("count", LatencySummary::count)
            .jsonOnly("mean_ns", LatencySummary::meanNanos)
            .jsonOnly("p50_ns", LatencySummary::p50Nanos)
            .jsonOnly("p95_ns", LatencySummary::p95Nanos)
            .jsonOnly("p99_ns", LatencySummary::p99Nanos)
            .jsonOnly("max_ns", LatencySummary::maxNanos);

    private static final View<RateWindow> RATES = new View<RateWindow>("")
            .number("IOPS", "iops", RateWindow::iops, w -> iops(w.iops()))
            .number("MB/s", "mbps", RateWindow::mbps, w -> mbps(w.mbps()))
            .number("Mean latency", "mean_latency_ns", RateWindow::meanLatencyNanos, w -> latency(w.meanLatencyNanos()));

    /** A flow's counters in JSON; in a table, who the flow is and its rates over the last complete minute. */
    static final View<FlowStats> FLOWS = new View<FlowStats>("no flow had traffic in the last complete minute")
            .number("Flow", "id", FlowStats::flowId)
            .number("VSAN", "vsan", f -> f.labels().vsan())
            .column("Initiator", "initiator", f -> f.labels().initiator())
            .column("Target", "target", f -> f.labels().target())
            .column("Appliance", "appliance", f -> f.labels().appliance())
            .jsonOnly("first_seen", f -> f.firstSeen().toString())
            .jsonOnly("last_seen", f -> f.lastSeen().toString())
            .include(COUNTERS, FlowStats::counters)
            .include(RATES.inTablesOnly(), FlowStats::lastMinute)
            .jsonOnly("last_minute", f -> RATES.json(f.lastMinute()))
            .jsonOnly("mean_latency_ns", FlowStats::meanLatencyNanos)
            .jsonOnly("max_latency_ns", FlowStats::maxLatencyNanos)
            .jsonOnly("latency", f -> f.latency().map(LATENCY::json).orElse(null));

    private StatsViews() {
    }

    static String iops(double iops) {
        return String.format(Locale.ROOT, "%.1f", iops);
    }

    static String mbps(double mbps) {
        return String.format(Locale.ROOT, "%.2f", mbps);
    }

    /** A completion time in the unit that keeps it short: us below a millisecond, ms below a second, else s. */
    static String latency(long nanos) {
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f us", nanos / 1e3);
        }
        return nanos < 1_000_000_000 ? String.format(Locale.ROOT, "%.2f ms", nanos / 1e6)
                : String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    /** A whole number of hours, minutes or seconds, as the ranges' bucket edges give. */
    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600 && s % 3600 == 0) {
            return s / 3600 + " h";
        }
        return s >= 60 && s % 60 == 0 ? s / 60 + " min" : s + " s";
    }

    /** The range a {@link RangeStats} covers, e.g. {@code 2024-05-01T09:00:00Z to 2024-05-01T10:00:00Z (1 h, minute buckets)}. */
    static String span(RangeStats r) {
        return r.from() + " to " + r.to() + " (" + duration(r.covered()) + ", " + StatsChoices.name(r.resolution())
                + " buckets)";
    }

    /** A Property/Value table, how single objects are shown. */
    static ShellTable propertyTable(Map<String, Object> rows) {
        ShellTable t = new ShellTable();
        t.column("Property");
        t.column("Value");
        rows.forEach((k, v) -> t.addRow().addContent(k, v));
        return t;
    }

    static Map<String, Object> describe(FlowStats f) {
        TrafficCounters c = f.counters();
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("flow", f.flowId());
        rows.put("vsan", f.labels().vsan());
        rows.put("initiator", f.labels().initiator());
        rows.put("target", f.labels().target());
        rows.put("appliance", f.labels().appliance());
        rows.put("first seen", f.firstSeen());
        rows.put("last seen", f.lastSeen());
        rows.putAll(counterRows(c));
        rows.put("last minute", iops(f.lastMinute().iops()) + " IOPS, " + mbps(f.lastMinute().mbps()) + " MB/s, mean "
                + latency(f.lastMinute().meanLatencyNanos()));
        rows.put("latency", f.maxLatencyNanos() == 0 && f.meanLatencyNanos() == 0 ? "no exchange recorded"
                : "mean " + latency(f.meanLatencyNanos()) + ", max " + latency(f.maxLatencyNanos()));
        rows.put("percentiles", f.latency().map(StatsViews::percentiles)
                .orElse("not kept: only the recently active flows keep a histogram"));
        return rows;
    }

    /** Counters by direction, exchanges, the read/write split and errors. */
    static Map<String, Object> counterRows(TrafficCounters c) {
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("to target", c.framesToTarget() + " frames, " + c.bytesToTarget() + " bytes");
        rows.put("to initiator", c.framesToInitiator() + " frames, " + c.bytesToInitiator() + " bytes");
        rows.put("exchanges", c.exchangesOpened() + " opened, " + c.exchangesCompleted() + " completed");
        rows.put("reads / writes", c.reads() + " / " + c.writes());
        rows.put("errors", c.errors() + " (" + c.framesDropped() + " frames dropped, " + c.scsiErrors() + " SCSI errors)");
        return rows;
    }

    /** Everything counted since the statistics began, with the percentiles of every exchange. */
    static Map<String, Object> describe(StatsTotals t) {
        Map<String, Object> rows = counterRows(t.counters());
        rows.put("percentiles", t.latency().map(StatsViews::percentiles).orElse("no exchange recorded"));
        return rows;
    }

    static Map<String, Object> totalsJson(StatsTotals t) {
        Map<String, Object> m = COUNTERS.json(t.counters());
        m.put("latency", t.latency().map(LATENCY::json).orElse(null));
        return m;
    }

    static String percentiles(LatencySummary l) {
        return "p50 " + latency(l.p50Nanos()) + ", p95 " + latency(l.p95Nanos()) + ", p99 " + latency(l.p99Nanos())
                + ", max " + latency(l.maxNanos()) + " (" + l.count() + " exchanges)";
    }

    /** The drain that feeds the statistics: whether it keeps up, its lag and its batches. */
    static Map<String, Object> describe(StatsStatus s) {
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("drain", s.draining() ? "draining" : "NOT draining (no statistics source bound, or stopped)");
        rows.put("keeping up", s.fallingBehind() ? "NO: " + s.fallingBehindReason().orElse("") : "yes");
        rows.put("consumer lag", s.lagBatches() + " batches, " + s.lagFlowDeltas() + " flow deltas, " + s.lagFrames()
                + " frames waiting in the fast path");
        rows.put("records per batch", "last " + s.lastBatchRecords() + ", mean "
                + String.format(Locale.ROOT, "%.1f", s.recordsPerBatch()));
        rows.put("batches", s.batches() + " (" + s.recordsDrained() + " records)");
        rows.put("exchange records lost", s.exchangeRecordsDropped() + " (to full fast path queues)");
        rows.put("flows tracked", s.flowsTracked() + " (" + s.detailedFlows() + " with series and percentiles)"
                + (s.untrackedDeltas() == 0 ? "" : "; " + s.untrackedDeltas() + " flow deltas beyond the flow table"
                        + " counted in the totals only"));
        rows.put("memory", String.format(Locale.ROOT, "%.1f MB", s.memoryBytes() / 1e6));
        rows.put("last snapshot", s.lastSnapshot().map(Object::toString).orElse("never")
                + (s.snapshotFailures() == 0 ? "" : " (" + s.snapshotFailures() + " failed)"));
        return rows;
    }

    static Map<String, Object> statusJson(StatsStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("draining", s.draining());
        m.put("keeping_up", !s.fallingBehind());
        m.put("falling_behind_reason", s.fallingBehindReason().orElse(null));
        m.put("lag_batches", s.lagBatches());
        m.put("lag_flow_deltas", s.lagFlowDeltas());
        m.put("lag_frames", s.lagFrames());
        m.put("records_drained", s.recordsDrained());
        m.put("batches", s.batches());
        m.put("last_batch_records", s.lastBatchRecords());
        m.put("records_per_batch", s.recordsPerBatch());
        m.put("exchange_records_dropped", s.exchangeRecordsDropped());
        m.put("flows_tracked", s.flowsTracked());
        m.put("detailed_flows", s.detailedFlows());
        m.put("untracked_deltas", s.untrackedDeltas());
        m.put("memory_bytes", s.memoryBytes());
        m.put("last_snapshot", s.lastSnapshot().map(Object::toString).orElse(null));
        m.put("snapshot_failures", s.snapshotFailures());
        return m;
    }
}
