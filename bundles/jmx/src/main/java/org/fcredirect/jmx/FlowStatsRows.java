package org.fcredirect.jmx;

import static org.fcredirect.jmx.RowType.column;

import java.util.Optional;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.SimpleType;
import org.fcredirect.stats.api.FlowStats;
import org.fcredirect.stats.api.LatencySummary;
import org.fcredirect.stats.api.TrafficCounters;

/** A flow's statistics as open-type rows: the Stats MBean's flowStats and top. */
final class FlowStatsRows {
    static final RowType TOP = new RowType("BusyFlow", "A flow's rates over the last complete minute",
            column("rank", "1 for the busiest", SimpleType.INTEGER),
            column("flowId", "The flow's id", SimpleType.LONG),
            column("vsan", "The flow's VSAN", SimpleType.STRING),
            column("initiator", "Initiator port WWN", SimpleType.STRING),
            column("target", "Target port WWN", SimpleType.STRING),
            column("appliance", "The appliance it passes through, or - for the direct path", SimpleType.STRING),
            column("iops", "Completed exchanges per second (exchanges/s)", SimpleType.DOUBLE),
            column("mbps", "Throughput, both directions (megabytes of 10^6 bytes per second)", SimpleType.DOUBLE),
            column("meanLatencyMicros", "Mean exchange completion time (microseconds)", SimpleType.DOUBLE));

    private static final RowType FLOW = new RowType("FlowStatistics", "One flow's counters, rates and latency",
            column("flowId", "The flow's id", SimpleType.LONG),
            column("vsan", "The flow's VSAN", SimpleType.STRING),
            column("initiator", "Initiator port WWN", SimpleType.STRING),
            column("target", "Target port WWN", SimpleType.STRING),
            column("appliance", "The appliance it passes through, or - for the direct path", SimpleType.STRING),
            column("iops", "Completed exchanges per second, last complete minute (exchanges/s)", SimpleType.DOUBLE),
            column("mbps", "Throughput both ways, last complete minute (megabytes of 10^6 bytes per second)", SimpleType.DOUBLE),
            column("framesToTarget", "Frames toward the target (frames)", SimpleType.LONG),
            column("bytesToTarget", "Bytes toward the target (bytes)", SimpleType.LONG),
            column("framesToInitiator", "Frames toward the initiator (frames)", SimpleType.LONG),
            column("bytesToInitiator", "Bytes toward the initiator (bytes)", SimpleType.LONG),
            column("reads", "Read commands (exchanges)", SimpleType.LONG),
            column("writes", "Write commands (exchanges)", SimpleType.LONG),
            column("errors", "Dropped frames plus exchanges ended in a SCSI error (count)", SimpleType.LONG),
            column("meanLatencyMicros", "Mean exchange completion time since first seen (microseconds)", SimpleType.DOUBLE),
            column("maxLatencyMicros", "Longest exchange completion time (microseconds)", SimpleType.DOUBLE),
            column("p50LatencyMicros", "Median completion time; absent unless the flow keeps percentiles (microseconds)", SimpleType.DOUBLE),
            column("p95LatencyMicros", "95th percentile completion time; absent unless kept (microseconds)", SimpleType.DOUBLE),
            column("p99LatencyMicros", "99th percentile completion time; absent unless kept (microseconds)", SimpleType.DOUBLE),
            column("firstSeen", "When its first frame was counted (ISO-8601 UTC)", SimpleType.STRING),
            column("lastSeen", "When its last frame was counted (ISO-8601 UTC)", SimpleType.STRING));

    private FlowStatsRows() {
    }

    static CompositeData top(int rank, FlowStats f) {
        return TOP.row(rank, f.flowId(), f.labels().vsan(), f.labels().initiator(), f.labels().target(),
                f.labels().appliance(), f.lastMinute().iops(), f.lastMinute().mbps(), micros(f.lastMinute().meanLatencyNanos()));
    }

    static CompositeData flow(FlowStats f) {
        TrafficCounters c = f.counters();
        Optional<LatencySummary> l = f.latency();
        return FLOW.row(f.flowId(), f.labels().vsan(), f.labels().initiator(), f.labels().target(), f.labels().appliance(),
                f.lastMinute().iops(), f.lastMinute().mbps(), c.framesToTarget(), c.bytesToTarget(), c.framesToInitiator(),
                c.bytesToInitiator(), c.reads(), c.writes(), c.errors(), micros(f.meanLatencyNanos()),
                micros(f.maxLatencyNanos()), l.map(s -> micros(s.p50Nanos())).orElse(null),
                l.map(s -> micros(s.p95Nanos())).orElse(null), l.map(s -> micros(s.p99Nanos())).orElse(null),
                f.firstSeen().toString(), f.lastSeen().toString());
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }
}
