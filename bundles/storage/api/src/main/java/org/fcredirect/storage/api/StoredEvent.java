package org.fcredirect.storage.api;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;

/**
 * An event as the log holds it: its global sequence number and the time it was stored, with the
 * stream, type and payload it was appended with. Immutable; {@link #payload()} returns a copy.
 */
public final class StoredEvent {
    private final long sequence;
    private final long timestampMicros;
    private final String stream;
    private final String type;
    private final byte[] payload;

    private StoredEvent(long sequence, long timestampMicros, String stream, String type, byte[] payload) {
        this.sequence = sequence;
        this.timestampMicros = timestampMicros;
        this.stream = stream;
        this.type = type;
        this.payload = payload;
    }

    /**
     * @param timestampMicros microseconds since the epoch
     * @param payload copied
     */
    public static StoredEvent of(long sequence, long timestampMicros, String stream, String type, byte[] payload) {
        return adopt(sequence, timestampMicros, stream, type, payload.clone());
    }

    /**
     * Like {@link #of} but takes ownership of {@code payload} without copying it: for a backend
     * that has just filled a fresh array and keeps no reference to it. Checks nothing.
     */
    public static StoredEvent adopt(long sequence, long timestampMicros, String stream, String type, byte[] payload) {
        return new StoredEvent(sequence, timestampMicros, stream, type, payload);
    }

    public long sequence() {
        return sequence;
    }

    public Instant timestamp() {
        return Instant.ofEpochSecond(Math.floorDiv(timestampMicros, 1_000_000L),
                Math.floorMod(timestampMicros, 1_000_000L) * 1_000L);
    }

    /** The timestamp in microseconds since the epoch. */
    public long timestampMicros() {
        return timestampMicros;
    }

    public String stream() {
        return stream;
    }

    public String type() {
        return type;
    }

    /** A copy of the payload. */
    public byte[] payload() {
        return payload.clone();
    }

    public int payloadSize() {
        return payload.length;
    }

    /** A read-only view of the payload, without copying it. */
    public ByteBuffer payloadBuffer() {
        return ByteBuffer.wrap(payload).asReadOnlyBuffer();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredEvent e && sequence == e.sequence && timestampMicros == e.timestampMicros
                && stream.equals(e.stream) && type.equals(e.type) && Arrays.equals(payload, e.payload);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sequence) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "StoredEvent[#" + sequence + " " + timestamp() + " " + stream + "/" + type + ", "
                + payload.length + " bytes]";
    }
}
