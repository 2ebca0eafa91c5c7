package org.fcredirect.stats.api;

/**
 * Exchange completion times (FCP_CMND to FCP_RSP) in nanoseconds. Percentiles come from a
 * histogram with two significant digits: within 1 % of the exact value.
 */
public record LatencySummary(long count, long meanNanos, long p50Nanos, long p95Nanos, long p99Nanos,
        long maxNanos) {
}
