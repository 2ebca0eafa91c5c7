package org.fcredirect.storage.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A point-in-time view of an event log for operators. Backend specifics (where the data lives, how
 * it is laid out) go into {@link #details()} as text, so this type stays the same for every backend.
 */
public final class StorageStatus {
    private final String backend;
    private final DurabilityMode durability;
    private final boolean open;
    private final long firstSequence;
    private final long lastSequence;
    private final long eventCount;
    private final long byteCount;
    private final double appendsPerSecond;
    private final LatencySummary forceLatency;
    private final long failedAppends;
    private final long truncatedOnRecovery;
    private final long truncatedBytesOnRecovery;
    private final int subscriptions;
    private final boolean faulted;
    private final String lastError;
    private final Instant lastErrorAt;
    private final List<String> warnings;
    private final Map<String, String> details;

    private StorageStatus(Builder b) {
        backend = b.backend;
        durability = b.durability;
        open = b.open;
        firstSequence = b.firstSequence;
        lastSequence = b.lastSequence;
        eventCount = b.eventCount;
        byteCount = b.byteCount;
        appendsPerSecond = b.appendsPerSecond;
        forceLatency = b.forceLatency;
        failedAppends = b.failedAppends;
        truncatedOnRecovery = b.truncatedOnRecovery;
        truncatedBytesOnRecovery = b.truncatedBytesOnRecovery;
        subscriptions = b.subscriptions;
        faulted = b.faulted;
        lastError = b.lastError;
        lastErrorAt = b.lastErrorAt;
        List<String> w = new ArrayList<>(b.warnings);
        if (!durability.durable()) {
            w.add(0, "DURABILITY IS NONE: acknowledged events are not forced to disk and are lost on a power failure or OS crash");
        }
        warnings = List.copyOf(w);
        details = Collections.unmodifiableMap(new LinkedHashMap<>(b.details));
    }

    public static Builder builder(String backend, DurabilityMode durability) {
        return new Builder(backend, durability);
    }

    /** A short name of the engine behind the log, e.g. "file". */
    public String backend() {
        return backend;
    }

    public DurabilityMode durability() {
        return durability;
    }

    /** {@code false} once the log is closed. */
    public boolean open() {
        return open;
    }

    /** The lowest sequence number still stored, or the next to be assigned when none is. */
    public long firstSequence() {
        return firstSequence;
    }

    /** The highest acknowledged sequence number, 0 for an empty log. */
    public long lastSequence() {
        return lastSequence;
    }

    /** Events stored (after compaction). */
    public long eventCount() {
        return eventCount;
    }

    /** Bytes the stored events take, with the engine's framing. */
    public long byteCount() {
        return byteCount;
    }

    /** Events appended per second over the last few seconds. */
    public double appendsPerSecond() {
        return appendsPerSecond;
    }

    /** How long forcing a write to stable storage took, recently. Empty under {@link DurabilityMode#NONE}. */
    public LatencySummary forceLatency() {
        return forceLatency;
    }

    /** Appends that completed exceptionally because of an I/O error, since the log was opened. */
    public long failedAppends() {
        return failedAppends;
    }

    /** How many torn or corrupt tails were cut off when the log was opened. */
    public long truncatedOnRecovery() {
        return truncatedOnRecovery;
    }

    /** How many bytes those cuts dropped. */
    public long truncatedBytesOnRecovery() {
        return truncatedBytesOnRecovery;
    }

    public int subscriptions() {
        return subscriptions;
    }

    /** {@code true} while the most recent write failed: appends are failing. */
    public boolean faulted() {
        return faulted;
    }

    /** The last error the log met, even when it has since recovered. */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Optional<Instant> lastErrorAt() {
        return Optional.ofNullable(lastErrorAt);
    }

    /** Conditions an operator must know about, loudest first (a non-durable mode always is one). */
    public List<String> warnings() {
        return warnings;
    }

    /** Backend-specific figures and settings, by name, in a stable order. */
    public Map<String, String> details() {
        return details;
    }

    @Override
    public String toString() {
        return "StorageStatus[" + backend + ", " + durability + ", last=" + lastSequence + ", events=" + eventCount
                + (faulted ? ", FAULTED: " + lastError : "") + "]";
    }

    /** Collects the figures of a {@link StorageStatus}. */
    public static final class Builder {
        private final String backend;
        private final DurabilityMode durability;
        private boolean open = true;
        private long firstSequence = 1;
        private long lastSequence;
        private long eventCount;
        private long byteCount;
        private double appendsPerSecond;
        private LatencySummary forceLatency = LatencySummary.EMPTY;
        private long failedAppends;
        private long truncatedOnRecovery;
        private long truncatedBytesOnRecovery;
        private int subscriptions;
        private boolean faulted;
        private String lastError;
        private Instant lastErrorAt;
        private final List<String> warnings = new ArrayList<>();
        private final Map<String, String> details = new LinkedHashMap<>();

        private Builder(String backend, DurabilityMode durability) {
            if (backend == null || durability == null) {
                throw new StorageException("a storage status needs a backend name and a durability mode");
            }
            this.backend = backend;
            this.durability = durability;
        }

        public Builder open(boolean v) {
            open = v;
            return this;
        }

        public Builder sequences(long first, long last) {
            firstSequence = first;
            lastSequence = last;
            return this;
        }

        public Builder size(long events, long bytes) {
            eventCount = events;
            byteCount = bytes;
            return this;
        }

        public Builder appendsPerSecond(double v) {
            appendsPerSecond = v;
            return this;
        }

        public Builder forceLatency(LatencySummary v) {
            forceLatency = v;
            return this;
        }

        public Builder failedAppends(long v) {
            failedAppends = v;
            return this;
        }

        public Builder truncatedOnRecovery(long times, long bytes) {
            truncatedOnRecovery = times;
            truncatedBytesOnRecovery = bytes;
            return this;
        }

        public Builder subscriptions(int v) {
            subscriptions = v;
            return this;
        }

        /** @param error the last error met, or null when there was none */
        public Builder fault(boolean faultedNow, String error, Instant at) {
            faulted = faultedNow;
            lastError = error;
            lastErrorAt = at;
            return this;
        }

        public Builder warning(String text) {
            warnings.add(text);
            return this;
        }

        public Builder detail(String key, Object value) {
            details.put(key, String.valueOf(value));
            return this;
        }

        public StorageStatus build() {
            return new StorageStatus(this);
        }
    }
}
