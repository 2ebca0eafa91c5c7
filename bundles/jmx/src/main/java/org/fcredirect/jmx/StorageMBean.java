package org.fcredirect.jmx;

@Description("org.fcredirect:type=Storage: the durable event log, the figures of fcr:storage.")
public interface StorageMBean {
    @Description("The engine behind the log, e.g. file or kafka.")
    String getBackend();

    @Description("When an append counts as durable: FSYNC (forced to disk), BATCH (group commit) or NONE.")
    String getDurability();

    @Description("The log is open for appends (true/false).")
    boolean isOpen();

    @Description("The most recent write failed: appends are failing (true/false).")
    boolean isFaulted();

    @Description("The last error the log met, even when it has since recovered; empty when there was none.")
    String getLastError();

    @Description("The lowest sequence number still stored, or the next to be assigned when none is (sequence number).")
    long getFirstSequence();

    @Description("The highest acknowledged sequence number, 0 for an empty log (sequence number).")
    long getLastSequence();

    @Description("Events stored, after compaction (events).")
    long getEventCount();

    @Description("Bytes the stored events take, with the engine's framing (bytes).")
    long getByteCount();

    @Description("Events appended per second over the last few seconds (appends/s).")
    double getAppendsPerSecond();

    @Description("Median time to force a write to stable storage, recently (microseconds); 0 under durability NONE.")
    long getForceLatencyP50Micros();

    @Description("99th percentile time to force an append to disk (microseconds).")
    long getForceLatencyP99Micros();

    @Description("Longest time to force an append to disk (microseconds).")
    long getForceLatencyMaxMicros();

    @Description("Appends that failed with an I/O error since the log was opened (appends).")
    long getFailedAppends();

    @Description("Torn or corrupt tails cut off when the log was opened (count).")
    long getTruncatedOnRecovery();

    @Description("Bytes those cuts dropped (bytes).")
    long getTruncatedBytesOnRecovery();

    @Description("Live subscriptions to the log (subscriptions).")
    int getSubscriptions();

    @Description("Conditions an operator must know about, loudest first (a non-durable mode always is one).")
    String[] getWarnings();

    @Description("Backend-specific figures and settings as key=value, in a stable order.")
    String[] getDetails();

    @Description("Drops events that every stream's newest snapshot accounts for; returns what it did.")
    String compact();
}
