package org.fcredirect.shell.stats;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fcredirect.stats.api.FlowStats;
import org.fcredirect.stats.api.LatencySummary;
import org.fcredirect.stats.api.RangeStats;
import org.fcredirect.stats.api.StatsStatus;
import org.fcredirect.stats.api.StatsTotals;
import org.fcredirect.stats.api.TrafficCounters;

/** How ranges, flows, top lists and the drain's status look in tables and in JSON, the same in every command. */
final class StatsViews {
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

    /** One row per range, keyed by {@code keyColumn}: traffic and its rates. */
    static ShellTable rangeTable(String keyColumn, Map<String, RangeStats> rows, String emptyText) {
        ShellTable t = new ShellTable().emptyTableText(emptyText);
        t.column(keyColumn);
        t.column("Frames").alignRight();
        t.column("Bytes").alignRight();
        t.column("Exchanges").alignRight();
        t.column("Errors").alignRight();
        t.column("IOPS").alignRight();
        t.column("MB/s").alignRight();
        rows.forEach((key, r) -> t.addRow().addContent(key, r.frames(), r.bytes(), r.exchanges(), r.errors(),
                iops(r.iops()), mbps(r.mbps())));
        return t;
    }

    static Map<String, Object> rangeJson(RangeStats r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", r.group());
        m.put("resolution", StatsChoices.name(r.resolution()));
        m.put("from", r.from().toString());
        m.put("to", r.to().toString());
        m.put("frames", r.frames());
        m.put("bytes", r.bytes());
        m.put("exchanges", r.exchanges());
        m.put("errors", r.errors());
        m.put("iops", r.iops());
        m.put("mbps", r.mbps());
        return m;
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
        Map<String, Object> m = countersJson(t.counters());
        m.put("latency", t.latency().map(StatsViews::latencyJson).orElse(null));
        return m;
    }

    static Map<String, Object> countersJson(TrafficCounters c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("frames_to_target", c.framesToTarget());
        m.put("bytes_to_target", c.bytesToTarget());
        m.put("frames_to_initiator", c.framesToInitiator());
        m.put("bytes_to_initiator", c.bytesToInitiator());
        m.put("frames_dropped", c.framesDropped());
        m.put("exchanges_opened", c.exchangesOpened());
        m.put("exchanges_completed", c.exchangesCompleted());
        m.put("reads", c.reads());
        m.put("writes", c.writes());
        m.put("scsi_errors", c.scsiErrors());
        return m;
    }

    static String percentiles(LatencySummary l) {
        return "p50 " + latency(l.p50Nanos()) + ", p95 " + latency(l.p95Nanos()) + ", p99 " + latency(l.p99Nanos())
                + ", max " + latency(l.maxNanos()) + " (" + l.count() + " exchanges)";
    }

    static Map<String, Object> flowJson(FlowStats f) {
        TrafficCounters c = f.counters();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.flowId());
        m.put("vsan", f.labels().vsan());
        m.put("initiator", f.labels().initiator());
        m.put("target", f.labels().target());
        m.put("appliance", f.labels().appliance());
        m.put("first_seen", f.firstSeen().toString());
        m.put("last_seen", f.lastSeen().toString());
        m.putAll(countersJson(c));
        Map<String, Object> minute = new LinkedHashMap<>();
        minute.put("iops", f.lastMinute().iops());
        minute.put("mbps", f.lastMinute().mbps());
        minute.put("mean_latency_ns", f.lastMinute().meanLatencyNanos());
        m.put("last_minute", minute);
        m.put("mean_latency_ns", f.meanLatencyNanos());
        m.put("max_latency_ns", f.maxLatencyNanos());
        m.put("latency", f.latency().map(StatsViews::latencyJson).orElse(null));
        return m;
    }

    static Map<String, Object> latencyJson(LatencySummary l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", l.count());
        m.put("mean_ns", l.meanNanos());
        m.put("p50_ns", l.p50Nanos());
        m.put("p95_ns", l.p95Nanos());
        m.put("p99_ns", l.p99Nanos());
        m.put("max_ns", l.maxNanos());
        return m;
    }

    /** The busiest flows, their rates over the last complete minute. */
    static ShellTable flowRateTable(List<FlowStats> flows, String emptyText) {
        ShellTable t = new ShellTable().emptyTableText(emptyText);
        t.column("Flow").alignRight();
        t.column("VSAN").alignRight();
        t.column("Initiator");
        t.column("Target");
        t.column("Appliance");
        t.column("IOPS").alignRight();
        t.column("MB/s").alignRight();
        t.column("Mean latency").alignRight();
        for (FlowStats f : flows) {
            t.addRow().addContent(f.flowId(), f.labels().vsan(), f.labels().initiator(), f.labels().target(),
                    f.labels().appliance(), iops(f.lastMinute().iops()), mbps(f.lastMinute().mbps()),
                    latency(f.lastMinute().meanLatencyNanos()));
        }
        return t;
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
