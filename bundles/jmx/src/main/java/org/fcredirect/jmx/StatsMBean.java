package org.fcredirect.jmx;

/**
 * {@code org.fcredirect:type=Stats}: the figures of fcr:stats and fcr:top. Traffic figures cover the
 * last 60 whole seconds; the drain's figures say whether the statistics keep up with the fast path.
 */
public interface StatsMBean {
    long getFramesLastMinute();

    long getBytesLastMinute();

    long getExchangesLastMinute();

    /** Dropped frames plus exchanges that ended in a SCSI error. */
    long getErrorsLastMinute();

    /** Completed exchanges per second over the last minute. */
    double getIops();

    /** Megabytes (10^6 bytes) per second over the last minute, both directions. */
    double getMegabytesPerSecond();

    /** Frames counted since the statistics were first kept (kept across restarts and upgrades). */
    long getTotalFrames();
    long getTotalBytes();
    long getTotalExchangesCompleted();
    /** Median completion time of every recorded exchange, in microseconds; 0 before the first. */
    double getLatencyP50Micros();
    double getLatencyP99Micros();
    /** The drain runs and a statistics source is bound. */
    boolean isDraining();

    boolean isKeepingUp();

    /** Why the drain falls behind; empty while it keeps up. */
    String getFallingBehindReason();

    /** Batches waiting in the fast path's queues (consumer lag). */
    long getLagBatches();

    long getLagFlowDeltas();

    long getLagFrames();

    /** Exchange completions the fast path lost to full queues. */
    long getExchangeRecordsDropped();

    long getBatches();

    long getRecordsDrained();

    int getLastBatchRecords();

    double getRecordsPerBatch();

    int getTrackedFlows();

    /** Flows keeping a time series and latency percentiles. */
    int getDetailedFlows();

    /** One flow's counters, rates and latency on one line. */
    String flowStats(long id);

    /** The {@code n} busiest flows of the last complete minute by iops, mbps or latency, one line each. */
    String[] top(int n, String by);
}
