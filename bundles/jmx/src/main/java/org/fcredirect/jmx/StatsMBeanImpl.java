package org.fcredirect.jmx;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.fcredirect.stats.api.RangeStats;
import org.fcredirect.stats.api.StatsService;
import org.fcredirect.stats.api.StatsStatus;
import org.fcredirect.stats.api.TopMetric;
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
    public CompositeData flowStats(long id) {
        return Operations.call(() -> FlowStatsRows.flow(stats.flow(id).orElseThrow(() -> new IllegalArgumentException(
                "flow " + id + ": no statistics: no traffic seen since the statistics started, or beyond the tracked flows"))));
    }

    @Override
    public TabularData top(int n, String by) {
        return Operations.call(() -> {
            int[] rank = {0};
            return FlowStatsRows.TOP.table(stats.top(n, metric(by)).stream().map(f -> FlowStatsRows.top(++rank[0], f)));
        });
    }

    static TopMetric metric(String by) {
        String name = by == null ? "" : by.strip();
        return Arrays.stream(TopMetric.values()).filter(m -> m.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("by '" + by + "': must be one of iops, mbps, latency"));
    }
}
