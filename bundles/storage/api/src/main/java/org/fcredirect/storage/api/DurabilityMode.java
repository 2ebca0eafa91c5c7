package org.fcredirect.storage.api;

import java.util.Locale;

/** When an append is acknowledged, relative to the data reaching stable storage. */
public enum DurabilityMode {
    /**
     * Forced to stable storage before the append completes. Appends that are already waiting are
     * written and forced together, but the log never waits for more to arrive.
     */
    FSYNC,
    /**
     * Forced before the append completes, like {@link #FSYNC}, but the log waits a configured
     * short time for more appends to share each force: higher throughput, higher latency.
     */
    BATCH,
    /**
     * Never forced: an acknowledged event can be lost by a power failure or an OS crash. For tests
     * and benchmarks only; {@link StorageStatus#warnings()} says so while it is in effect.
     */
    NONE,
    /**
     * Acknowledged once the configured number of replicas of a distributed log hold it (Kafka:
     * {@code acks=all} with {@code min.insync.replicas}): it survives the loss of a replica; whether
     * each replica forces it to its disk is the log's own setting.
     */
    REPLICATED;

    /** {@code true} when an acknowledged append survives a power failure. */
    public boolean durable() {
        return this != NONE;
    }

    /** Parses {@code fsync}, {@code batch}, {@code none} or {@code replicated}, in any case. */
    public static DurabilityMode parse(String text) {
        if (text != null) {
            String s = text.strip().toUpperCase(Locale.ROOT);
            for (DurabilityMode m : values()) {
                if (m.name().equals(s)) {
                    return m;
                }
            }
        }
        throw new StorageException("durability mode '" + text + "' is not one of fsync, batch, none, replicated");
    }
}
