package org.fcredirect.jmx;

import javax.management.openmbean.TabularData;

@Description("org.fcredirect:type=FastPath: the frame pipeline's figures, as fcr:fastpath shows them."
        + " Counters count since the fast path started. The traffic generator is type=Traffic.")
public interface FastPathMBean {
    @Description("Every worker is alive and advancing (true/false).")
    boolean isHealthy();

    @Description("Number of worker threads (count).")
    int getWorkers();

    @Description("The fast path's settings in force (key=value list).")
    String getSettings();

    @Description("Frames taken from the frame-source ports by all workers (frames).")
    long getFramesReceived();

    @Description("Frames the workers finished with: forwarded or dropped (frames).")
    long getFramesProcessed();

    @Description("Frames sent on to the egress after any rewrite (frames).")
    long getFramesForwarded();

    @Description("Frames dropped, every reason (frames); Drops splits them by reason.")
    long getFramesDropped();

    @Description("Frames processed in the last whole second, all workers (frames/s).")
    long getFramesPerSecond();

    @Description("Dropped frames per reason: reason, frames.")
    TabularData getDrops();

    @Description("Generation of the rewrite rules the control plane last published (sequence number).")
    long getRuleGeneration();

    @Description("Rule generations a worker skipped because its control queue was full (count).")
    long getGenerationGaps();

    @Description("Frames counted by the workers that the statistics service has not drained yet (frames).")
    long getStatsPendingFrames();

    @Description("Exchange completions lost because the statistics queue was full (records).")
    long getStatsExchangeRecordsDropped();

    @Description("One row per worker: index, state, frames, frames/s, ring and control queue depth, faults.")
    TabularData getWorkerStatus();

    @Description("Fabric login frames (ELS) copied to the punt queues for the login learner (frames).")
    long getPuntedFrames();

    @Description("Fabric login frames not punted because a punt queue was full (frames).")
    long getPuntDrops();

    @Description("Punted frames waiting for the login learner (frames).")
    long getPuntQueued();
}
