package org.fcredirect.jmx;

/** {@code org.fcredirect:type=Storage}: the durable event log, the figures of fcr:storage. */
public interface StorageMBean {
    String getBackend();

    String getDurability();

    boolean isOpen();

    boolean isFaulted();

    String getLastError();

    long getFirstSequence();

    long getLastSequence();

    long getEventCount();

    long getByteCount();

    double getAppendsPerSecond();

    long getForceLatencyP50Micros();

    long getForceLatencyP99Micros();

    long getForceLatencyMaxMicros();

    long getFailedAppends();

    long getTruncatedOnRecovery();

    long getTruncatedBytesOnRecovery();

    int getSubscriptions();

    String[] getWarnings();

    /** Backend-specific figures as {@code key=value}. */
    String[] getDetails();

    /** Drops events that every stream's newest snapshot accounts for; returns what it did. */
    String compact();
}
