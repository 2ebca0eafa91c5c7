package org.fcredirect.stats.api;

/**
 * A flow's traffic in its last complete minute.
 *
 * @param meanLatencyNanos mean completion time of the exchanges recorded in that minute; 0 without any
 */
public record RateWindow(double iops, double mbps, long meanLatencyNanos) {
    public static final RateWindow IDLE = new RateWindow(0, 0, 0);
}
