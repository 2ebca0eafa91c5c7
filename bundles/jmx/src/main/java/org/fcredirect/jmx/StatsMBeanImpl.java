package org.fcredirect.jmx;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import javax.management.JMException;
import javax.management.MBeanServer;
import org.fcredirect.stats.api.FlowStats;
import org.fcredirect.stats.api.RangeStats;
import org.fcredirect.stats.api.StatsService;
import org.fcredirect.stats.api.StatsStatus;
import org.fcredirect.stats.api.TopMetric;
import org.fcredirect.stats.api.TrafficCounters;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

@Component(service = {})
public class StatsMBeanImpl implements StatsMBean {

    @Reference
    StatsService stats;

    @Reference
    MBeanServer server;

    Clock clock = Clock.systemUTC();

    private MBeanRegistration registration;

    @Activate
    void activate() throws JMException {
        registration = MBeanRegistration.register(server, "Stats", StatsMBean.class, this);
    }

    @Deactivate
    void deactivate() throws JMException {
        registration.close();
    }

    /** The last 60 whole seconds: the current second is still filling and would understate the rates. */
    private RangeStats lastMinute() {
        Instant end = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return stats.total(end.minusSeconds(60), end);
    }

    private StatsStatus status() {
        return stats.status();
    }

    @Override
    public long getFramesLastMinute() {
        return lastMinute().frames();
    }

    @Override
    public long getBytesLastMinute() {
        return lastMinute().bytes();
    }

    @Override
    public long getExchangesLastMinute() {
        return lastMinute().exchanges();
    }

    @Override
    public long getErrorsLastMinute() {
        return lastMinute().errors();
    }

    @Override
    public double getIops() {
        return lastMinute().iops();
    }

    @Override
    public double getMegabytesPerSecond() {
        return lastMinute().mbps();
    }

    @Override
    public long getTotalFrames() {
        return stats.totals().counters().frames();
    }

    @Override
    public long getTotalBytes() {
        return stats.totals().counters().bytes();
    }

    @Override
    public long getTotalExchangesCompleted() {
        return stats.totals().counters().exchangesCompleted();
    }

    @Override
    public double getLatencyP50Micros() {
        return stats.totals().latency().map(l -> l.p50Nanos() / 1000.0).orElse(0.0);
    }

    @Override
    public double getLatencyP99Micros() {
        return stats.totals().latency().map(l -> l.p99Nanos() / 1000.0).orElse(0.0);
    }

    @Override
    public boolean isDraining() {
        return status().draining();
    }

    @Override
    public boolean isKeepingUp() {
        return !status().fallingBehind();
    }

    @Override
    public String getFallingBehindReason() {
        return status().fallingBehindReason().orElse("");
    }

    @Override
    public long getLagBatches() {
        return status().lagBatches();
    }

    @Override
    public long getLagFlowDeltas() {
        return status().lagFlowDeltas();
    }

    @Override
    public long getLagFrames() {
        return status().lagFrames();
    }

    @Override
    public long getExchangeRecordsDropped() {
        return status().exchangeRecordsDropped();
    }

    @Override
    public long getBatches() {
        return status().batches();
    }

    @Override
    public long getRecordsDrained() {
        return status().recordsDrained();
    }

    @Override
    public int getLastBatchRecords() {
        return status().lastBatchRecords();
    }

    @Override
    public double getRecordsPerBatch() {
        return status().recordsPerBatch();
    }

    @Override
    public int getTrackedFlows() {
        return status().flowsTracked();
    }

    @Override
    public int getDetailedFlows() {
        return status().detailedFlows();
    }

    @Override
    public String flowStats(long id) {
        return Operations.call(() -> describe(stats.flow(id).orElseThrow(() -> new IllegalArgumentException(
                "flow " + id + ": no statistics: no traffic seen since the statistics started, or beyond the tracked flows"))));
    }

    @Override
    public String[] top(int n, String by) {
        return Operations.call(() -> stats.top(n, metric(by)).stream().map(StatsMBeanImpl::rates).toArray(String[]::new));
    }

    static TopMetric metric(String by) {
        String name = by == null ? "" : by.strip();
        return Arrays.stream(TopMetric.values()).filter(m -> m.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("by '" + by + "': must be one of iops, mbps, latency"));
    }

    /** Who the flow is and its rates of the last complete minute. */
    static String rates(FlowStats f) {
        return String.format(Locale.ROOT, "flow %d vsan %s %s -> %s via %s: %.1f IOPS, %.2f MB/s, mean %.1f us", f.flowId(),
                f.labels().vsan(), f.labels().initiator(), f.labels().target(), f.labels().appliance(), f.lastMinute().iops(),
                f.lastMinute().mbps(), f.lastMinute().meanLatencyNanos() / 1000.0);
    }

    static String describe(FlowStats f) {
        TrafficCounters c = f.counters();
        String percentiles = f.latency().map(l -> String.format(Locale.ROOT, "p50 %.1f us, p95 %.1f us, p99 %.1f us",
                l.p50Nanos() / 1000.0, l.p95Nanos() / 1000.0, l.p99Nanos() / 1000.0)).orElse("no percentiles kept");
        return rates(f) + String.format(Locale.ROOT, "; %d frames, %d bytes to target, %d frames, %d bytes to initiator,"
                + " %d reads, %d writes, %d errors; latency mean %.1f us, max %.1f us, %s; first seen %s, last seen %s",
                c.framesToTarget(), c.bytesToTarget(), c.framesToInitiator(), c.bytesToInitiator(), c.reads(), c.writes(),
                c.errors(), f.meanLatencyNanos() / 1000.0, f.maxLatencyNanos() / 1000.0, percentiles, f.firstSeen(),
                f.lastSeen());
    }
}
