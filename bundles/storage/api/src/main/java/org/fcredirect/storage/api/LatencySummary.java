package org.fcredirect.storage.api;

/**
 * A latency distribution in microseconds over a recent window.
 *
 * @param count samples in the window
 */
public record LatencySummary(long count, long p50Micros, long p99Micros, long maxMicros) {
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0);
}
