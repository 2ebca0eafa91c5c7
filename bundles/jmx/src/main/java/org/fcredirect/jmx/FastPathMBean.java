package org.fcredirect.jmx;

import java.util.Map;

/** {@code org.fcredirect:type=FastPath}: the figures of fcr:fastpath. The traffic generator is {@link TrafficMBean}. */
public interface FastPathMBean {
    boolean isHealthy();

    int getWorkers();

    String getSettings();

    long getFramesReceived();

    long getFramesProcessed();

    long getFramesForwarded();

    long getFramesDropped();

    long getFramesPerSecond();

    /** Dropped frames per reason. */
    Map<String, Long> getDrops();

    long getRuleGeneration();

    long getGenerationGaps();

    /** Frames counted by the workers that the statistics service has not drained yet. */
    long getStatsPendingFrames();

    long getStatsExchangeRecordsDropped();

    /** Fabric login frames copied to the punt queues for the login learner. */
    long getPuntedFrames();

    /** Fabric login frames not punted because a punt queue was full. */
    long getPuntDrops();

    /** Punted frames waiting for the login learner. */
    long getPuntQueued();

    /** Per worker: index, alive/advancing, frames, frames/s, ring and control queue depth. */
    String[] getWorkerSummaries();
}
