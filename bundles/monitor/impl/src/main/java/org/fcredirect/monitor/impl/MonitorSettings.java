package org.fcredirect.monitor.impl;

import java.time.Duration;

import org.fcredirect.monitor.api.CheckTiming;

/**
 * The monitor's settings, validated.
 *
 * @param checkDefaults the timing of checks whose service gives none
 * @param appliances heartbeat interval, timeout (the same) and missed-heartbeat threshold
 * @param storageProbe how long the event log may store nothing before the storage check appends a
 *        probe; zero for never
 */
record MonitorSettings(CheckTiming checkDefaults, int checkWorkers, CheckTiming appliances, boolean failbackOnRecovery,
        Duration storageProbe) {
    static final long DEFAULT_CHECK_INTERVAL_MS = 5_000;
    static final long DEFAULT_CHECK_TIMEOUT_MS = 2_000;
    static final int DEFAULT_CHECK_THRESHOLD = 3;
    static final int DEFAULT_CHECK_WORKERS = 4;
    static final long DEFAULT_HEARTBEAT_INTERVAL_MS = 1_000;
    static final int DEFAULT_MISSED_HEARTBEATS = 3;
    static final int DEFAULT_STORAGE_PROBE_SECONDS = 300;

    static final long MIN_INTERVAL_MS = 10;
    static final long MAX_INTERVAL_MS = 86_400_000;
    static final int MAX_THRESHOLD = 1000;

    /** @throws IllegalArgumentException naming the key, the value and the rule */
    static MonitorSettings from(MonitorConfig c) {
        long interval = range("checkIntervalMs", c.checkIntervalMs(), MIN_INTERVAL_MS, MAX_INTERVAL_MS);
        long timeout = range("checkTimeoutMs", c.checkTimeoutMs(), 1, MAX_INTERVAL_MS);
        int threshold = (int) range("checkThreshold", c.checkThreshold(), 1, MAX_THRESHOLD);
        int workers = (int) range("checkWorkers", c.checkWorkers(), 1, 64);
        long heartbeat = range("heartbeatIntervalMs", c.heartbeatIntervalMs(), MIN_INTERVAL_MS, 3_600_000);
        int missed = (int) range("missedHeartbeats", c.missedHeartbeats(), 1, MAX_THRESHOLD);
        long probe = range("storageProbeSeconds", c.storageProbeSeconds(), 0, 86_400);
        return new MonitorSettings(timing(interval, timeout, threshold), workers, timing(heartbeat, heartbeat, missed),
                c.failbackOnRecovery(), Duration.ofSeconds(probe));
    }

    /** A timing whose timeout is capped at the interval, so runs of one check never overlap. */
    static CheckTiming timing(long intervalMs, long timeoutMs, int threshold) {
        return new CheckTiming(Duration.ofMillis(intervalMs), Duration.ofMillis(Math.min(timeoutMs, intervalMs)),
                threshold);
    }

    private static long range(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " '" + value + "': must be " + min + ".." + max);
        }
        return value;
    }

    /** How often appliance heartbeats are evaluated: a quarter interval, so detection lags by at most that. */
    Duration applianceTick() {
        return appliances.interval().dividedBy(4);
    }

    @Override
    public String toString() {
        return "checks every " + checkDefaults.interval().toMillis() + " ms (timeout " + checkDefaults.timeout().toMillis()
                + " ms, threshold " + checkDefaults.threshold() + ", " + checkWorkers + " workers), heartbeats every "
                + appliances.interval().toMillis() + " ms (" + appliances.threshold() + " missed: unhealthy), failback "
                + (failbackOnRecovery ? "on" : "off") + ", storage probe "
                + (storageProbe.isZero() ? "off" : storageProbe.toSeconds() + " s");
    }
}
