package org.fcredirect.jmx;

import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

@Description("org.fcredirect:type=Stats: the figures of fcr:stats and fcr:top. Traffic figures cover the last 60"
        + " whole seconds; the drain's figures say whether the statistics keep up with the fast path.")
public interface StatsMBean {
    @Description("Frames seen in the last 60 whole seconds, both directions (frames).")
    long getFramesLastMinute();

    @Description("Bytes seen in the last 60 whole seconds, both directions (bytes).")
    long getBytesLastMinute();

    @Description("Exchanges completed in the last 60 whole seconds (exchanges).")
    long getExchangesLastMinute();

    @Description("Dropped frames plus exchanges that ended in a SCSI error, last 60 whole seconds (count).")
    long getErrorsLastMinute();

    @Description("Completed exchanges per second over the last minute (exchanges/s).")
    double getIops();

    @Description("Throughput over the last minute, both directions (megabytes of 10^6 bytes per second).")
    double getMegabytesPerSecond();

    @Description("Frames counted since the statistics were first kept, kept across restarts and upgrades (frames).")
    long getTotalFrames();

    @Description("Bytes counted since the statistics were first kept (bytes).")
    long getTotalBytes();

    @Description("Exchanges completed since the statistics were first kept (exchanges).")
    long getTotalExchangesCompleted();

    @Description("Median completion time of every recorded exchange (microseconds); 0 before the first.")
    double getLatencyP50Micros();

    @Description("99th percentile completion time of every recorded exchange (microseconds); 0 before the first.")
    double getLatencyP99Micros();

    @Description("The drain runs and a statistics source is bound (true/false).")
    boolean isDraining();

    @Description("The drain keeps up with the fast path (true/false).")
    boolean isKeepingUp();

    @Description("Why the drain falls behind; empty while it keeps up.")
    String getFallingBehindReason();

    @Description("Batches waiting in the fast path's queues: the consumer lag (batches).")
    long getLagBatches();

    @Description("Flow counter deltas waiting in the fast path's queues (deltas).")
    long getLagFlowDeltas();

    @Description("Frames counted in deltas still waiting in the fast path's queues (frames).")
    long getLagFrames();

    @Description("Exchange completions the fast path lost to full queues (records).")
    long getExchangeRecordsDropped();

    @Description("Batches drained since the statistics service started (batches).")
    long getBatches();

    @Description("Records drained since the statistics service started (records).")
    long getRecordsDrained();

    @Description("Records in the last batch drained (records).")
    int getLastBatchRecords();

    @Description("Mean records per drained batch (records/batch).")
    double getRecordsPerBatch();

    @Description("Flows with counters (flows).")
    int getTrackedFlows();

    @Description("Flows keeping a time series and latency percentiles (flows).")
    int getDetailedFlows();

    @Description("One flow's labels, counters, rates of the last complete minute and latency (microseconds);"
            + " fails for a flow without statistics.")
    CompositeData flowStats(@Param(name = "flowId", description = "The flow's id, as fcr:flows shows it") long id);

    @Description("The busiest flows of the last complete minute, one row each, busiest first.")
    TabularData top(@Param(name = "count", description = "How many flows at most (1 or more)") int n,
            @Param(name = "by", description = "What makes a flow busy: iops, mbps or latency") String by);
}
