package org.fcredirect.fabric.impl;

import java.util.regex.Pattern;

/** Validated settings of the fabric view. */
record FabricSettings(long heartbeatIntervalMillis, int missedHeartbeats, String advertisedHost) {
    static final long DEFAULT_INTERVAL_MILLIS = 2000;
    static final int DEFAULT_MISSED_HEARTBEATS = 3;
    static final FabricSettings DEFAULTS = new FabricSettings(DEFAULT_INTERVAL_MILLIS, DEFAULT_MISSED_HEARTBEATS, "");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{0,253}");

    static FabricSettings from(FabricConfig c) {
        long interval = c.heartbeatIntervalMillis();
        if (interval < 100 || interval > 60_000) {
            throw new IllegalArgumentException("heartbeatIntervalMillis is " + interval + "; it must be 100 to 60000");
        }
        int missed = c.missedHeartbeats();
        if (missed < 1 || missed > 100) {
            throw new IllegalArgumentException("missedHeartbeats is " + missed + "; it must be 1 to 100");
        }
        String host = c.advertisedHost() == null ? "" : c.advertisedHost().strip();
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("advertisedHost '" + c.advertisedHost()
                    + "' is not a host name or address (A-Z a-z 0-9 . : - [ ])");
        }
        return new FabricSettings(interval, missed, host);
    }

    long timeoutMillis() {
        return heartbeatIntervalMillis * missedHeartbeats;
    }

    @Override
    public String toString() {
        return "heartbeat every " + heartbeatIntervalMillis + " ms, unhealthy after " + missedHeartbeats
                + " missed (" + timeoutMillis() + " ms)" + (advertisedHost.isEmpty() ? "" : ", advertised as " + advertisedHost);
    }
}
