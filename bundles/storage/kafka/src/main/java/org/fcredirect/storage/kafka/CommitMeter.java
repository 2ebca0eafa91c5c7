package org.fcredirect.storage.kafka;

import java.util.Arrays;

import org.fcredirect.storage.api.LatencySummary;

/** Commit latencies and committed events over the most recent commits, for the status view. */
final class CommitMeter {
    private static final int WINDOW = 1024;
    private static final long RATE_WINDOW_NANOS = 5_000_000_000L;

    private final long[] micros = new long[WINDOW];
    private final long[] endedAtNanos = new long[WINDOW];
    private final int[] events = new int[WINDOW];
    private long commits;

    synchronized void record(long startNanos, long endNanos, int eventCount) {
        int i = (int) (commits++ % WINDOW);
        micros[i] = (endNanos - startNanos) / 1000;
        endedAtNanos[i] = endNanos;
        events[i] = eventCount;
    }

    synchronized LatencySummary latency() {
        int n = (int) Math.min(commits, WINDOW);
        if (n == 0) {
            return LatencySummary.EMPTY;
        }
        long[] sorted = Arrays.copyOf(micros, n);
        Arrays.sort(sorted);
        return new LatencySummary(n, sorted[(n - 1) / 2], sorted[(int) Math.ceil(n * 0.99) - 1], sorted[n - 1]);
    }

    /** Events committed per second over the last five seconds (or the window, if it holds less). */
    synchronized double eventsPerSecond(long nowNanos) {
        int n = (int) Math.min(commits, WINDOW);
        long total = 0;
        for (int i = 0; i < n; i++) {
            if (nowNanos - endedAtNanos[i] <= RATE_WINDOW_NANOS) {
                total += events[i];
            }
        }
        return total / (RATE_WINDOW_NANOS / 1e9);
    }
}
