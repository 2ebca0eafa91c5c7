package org.fcredirect.storage.api;

import java.time.Instant;
import java.util.Arrays;

/**
 * A stream's state, encoded by the service that owns it, as of a sequence number: it accounts for
 * every event of the stream up to and including {@link #sequence()}.
 */
public final class Snapshot {
    private final String stream;
    private final long sequence;
    private final Instant savedAt;
    private final byte[] data;

    /**
     * @param data copied
     * @throws StorageException on an invalid stream name, a negative sequence, or missing data
     */
    public Snapshot(String stream, long sequence, Instant savedAt, byte[] data) {
        this.stream = EventRules.checkName("stream", stream);
        this.sequence = EventRules.checkSequence("snapshot sequence", sequence);
        if (savedAt == null || data == null) {
            throw new StorageException("snapshot of stream '" + stream + "' needs a time and data (use an empty array)");
        }
        this.savedAt = savedAt;
        this.data = data.clone();
    }

    public String stream() {
        return stream;
    }

    public long sequence() {
        return sequence;
    }

    public Instant savedAt() {
        return savedAt;
    }

    /** A copy of the snapshot's bytes. */
    public byte[] data() {
        return data.clone();
    }

    public int size() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Snapshot s && stream.equals(s.stream) && sequence == s.sequence
                && savedAt.equals(s.savedAt) && Arrays.equals(data, s.data);
    }

    @Override
    public int hashCode() {
        return stream.hashCode() * 31 + Long.hashCode(sequence);
    }

    @Override
    public String toString() {
        return "Snapshot[" + stream + " @" + sequence + ", " + data.length + " bytes, " + savedAt + "]";
    }
}
