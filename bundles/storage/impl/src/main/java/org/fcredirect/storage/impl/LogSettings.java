package org.fcredirect.storage.impl;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

import org.fcredirect.storage.api.DurabilityMode;

/**
 * The validated settings of a {@link FileEventLog}. Keys in messages are the configuration keys
 * of PID {@code org.fcredirect.storage}.
 */
public final class LogSettings {
    public static final long MIN_SEGMENT_BYTES = 2L << 20;
    public static final long MAX_SEGMENT_BYTES = 1L << 30;
    public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
    public static final int MAX_GROUP_COMMIT_EVENTS = RecordCodec.MAX_WRITE_COUNT;
    public static final int DEFAULT_GROUP_COMMIT_EVENTS = 1024;
    public static final long MAX_GROUP_COMMIT_MICROS = 1_000_000;
    public static final long DEFAULT_GROUP_COMMIT_MICROS = 1_000;

    private final Path directory;
    private final int segmentSizeBytes;
    private final DurabilityMode durability;
    private final int groupCommitMaxEvents;
    private final long groupCommitMaxMicros;

    private LogSettings(Path directory, int segmentSizeBytes, DurabilityMode durability, int groupCommitMaxEvents,
                        long groupCommitMaxMicros) {
        this.directory = directory;
        this.segmentSizeBytes = segmentSizeBytes;
        this.durability = durability;
        this.groupCommitMaxEvents = groupCommitMaxEvents;
        this.groupCommitMaxMicros = groupCommitMaxMicros;
    }

    /** @throws InvalidSettingException for the first value outside its rule */
    public static LogSettings of(Path directory, long segmentSizeBytes, DurabilityMode durability,
                                 int groupCommitMaxEvents, long groupCommitMaxMicros) {
        if (directory == null || !directory.isAbsolute()) {
            throw new InvalidSettingException("directory", directory, "must be an absolute path");
        }
        if (segmentSizeBytes < MIN_SEGMENT_BYTES || segmentSizeBytes > MAX_SEGMENT_BYTES) {
            throw new InvalidSettingException("segmentSizeBytes", segmentSizeBytes,
                    "must be between " + MIN_SEGMENT_BYTES + " (2 MiB) and " + MAX_SEGMENT_BYTES + " (1 GiB)");
        }
        if (durability == null) {
            throw new InvalidSettingException("durability", null, "must be one of fsync, batch, none");
        }
        if (groupCommitMaxEvents < 1 || groupCommitMaxEvents > MAX_GROUP_COMMIT_EVENTS) {
            throw new InvalidSettingException("groupCommitMaxEvents", groupCommitMaxEvents,
                    "must be between 1 and " + MAX_GROUP_COMMIT_EVENTS);
        }
        if (groupCommitMaxMicros < 0 || groupCommitMaxMicros > MAX_GROUP_COMMIT_MICROS) {
            throw new InvalidSettingException("groupCommitMaxMicros", groupCommitMaxMicros,
                    "must be between 0 and " + MAX_GROUP_COMMIT_MICROS + " (1 s)");
        }
        return new LogSettings(directory, (int) segmentSizeBytes, durability, groupCommitMaxEvents,
                groupCommitMaxMicros);
    }

    /** 64 MiB segments, {@code fsync}, group commit of up to 1024 events or 1 ms. */
    public static LogSettings defaults(Path directory) {
        return of(directory, DEFAULT_SEGMENT_BYTES, DurabilityMode.FSYNC, DEFAULT_GROUP_COMMIT_EVENTS,
                DEFAULT_GROUP_COMMIT_MICROS);
    }

    public LogSettings withDurability(DurabilityMode mode) {
        return of(directory, segmentSizeBytes, mode, groupCommitMaxEvents, groupCommitMaxMicros);
    }

    public LogSettings withSegmentSize(long bytes) {
        return of(directory, bytes, durability, groupCommitMaxEvents, groupCommitMaxMicros);
    }

    public LogSettings withGroupCommit(int maxEvents, long maxMicros) {
        return of(directory, segmentSizeBytes, durability, maxEvents, maxMicros);
    }

    public Path directory() {
        return directory;
    }

    public int segmentSizeBytes() {
        return segmentSizeBytes;
    }

    public DurabilityMode durability() {
        return durability;
    }

    public int groupCommitMaxEvents() {
        return groupCommitMaxEvents;
    }

    public long groupCommitMaxMicros() {
        return groupCommitMaxMicros;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogSettings s && directory.equals(s.directory) && segmentSizeBytes == s.segmentSizeBytes
                && durability == s.durability && groupCommitMaxEvents == s.groupCommitMaxEvents
                && groupCommitMaxMicros == s.groupCommitMaxMicros;
    }

    @Override
    public int hashCode() {
        return Objects.hash(directory, segmentSizeBytes, durability, groupCommitMaxEvents, groupCommitMaxMicros);
    }

    @Override
    public String toString() {
        return "directory=" + directory + ", segmentSizeBytes=" + segmentSizeBytes + ", durability="
                + durability.name().toLowerCase(Locale.ROOT) + ", groupCommitMaxEvents=" + groupCommitMaxEvents
                + ", groupCommitMaxMicros=" + groupCommitMaxMicros;
    }
}
