package org.fcredirect.stats.impl;

/**
 * Validated {@link StatsConfig}. The shape settings size the structures; the others apply live.
 */
record StatsSettings(int batchSize, int maxWaitMillis, int secondsRetained, int minutesRetained, int maxFlows,
        int detailedFlows, int maxGroups, int snapshotIntervalSeconds) {

    StatsSettings {
        check("batchSize", batchSize, 1, 1_000_000);
        check("maxWaitMillis", maxWaitMillis, 1, 60_000);
        check("secondsRetained", secondsRetained, 60, 86_400);
        check("minutesRetained", minutesRetained, 60, 44_640);
        check("maxFlows", maxFlows, 1, 10_000_000);
        check("detailedFlows", detailedFlows, 0, 100_000);
        check("maxGroups", maxGroups, 1, 100_000);
        check("snapshotIntervalSeconds", snapshotIntervalSeconds, 1, 86_400);
    }

    /** @throws IllegalArgumentException naming the first setting out of range */
    static StatsSettings from(StatsConfig c) {
        return new StatsSettings(c.batchSize(), c.maxWaitMillis(), c.secondsRetained(), c.minutesRetained(),
                c.maxFlows(), c.detailedFlows(), c.maxGroups(), c.snapshotIntervalSeconds());
    }

    /** Whether {@code other} sizes the structures the same way (so it can be applied without a rebuild). */
    boolean sameShape(StatsSettings other) {
        return secondsRetained == other.secondsRetained && minutesRetained == other.minutesRetained
                && maxFlows == other.maxFlows && detailedFlows == other.detailedFlows && maxGroups == other.maxGroups;
    }

    private static void check(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "stats setting " + key + "=" + value + " is out of range " + min + ".." + max);
        }
    }
}
