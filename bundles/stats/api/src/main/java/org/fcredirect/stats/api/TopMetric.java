package org.fcredirect.stats.api;

/** What {@link StatsService#top} ranks flows by. */
public enum TopMetric {
    /** Completed exchanges per second. */
    IOPS,
    /** Megabytes (10^6 bytes) per second, both directions. */
    MBPS,
    /** Mean exchange completion time. */
    LATENCY
}
