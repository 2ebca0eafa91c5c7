package org.fcredirect.storage.impl;

/** What recovery cut off when the log was opened, for the status. */
final class RecoveryStats {
    private long truncations;
    private long bytesDropped;
    private long eventsDropped;

    void cut(long bytes, long events) {
        truncations++;
        bytesDropped += bytes;
        eventsDropped += events;
    }

    long truncations() {
        return truncations;
    }

    long bytesDropped() {
        return bytesDropped;
    }

    long eventsDropped() {
        return eventsDropped;
    }
}
