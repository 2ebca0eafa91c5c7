package org.fcredirect.storage.api;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An event to append: the stream it belongs to, its type and its payload. The payload is the
 * owning service's encoding (binary or JSON); the log stores it as bytes. Validated on creation,
 * and the payload is copied, so a later change to the caller's array cannot reach the log.
 */
public final class NewEvent {
    private final String stream;
    private final String type;
    private final byte[] payload;

    private NewEvent(String stream, String type, byte[] payload) {
        this.stream = stream;
        this.type = type;
        this.payload = payload;
    }

    /**
     * @throws StorageException when a name breaks {@link EventRules#NAME_RULE}, or the payload is
     *         null or larger than {@link EventRules#MAX_PAYLOAD_BYTES}
     */
    public static NewEvent of(String stream, String type, byte[] payload) {
        EventRules.checkName("stream", stream);
        EventRules.checkName("event type", type);
        if (payload == null) {
            throw new StorageException("payload of a '" + type + "' event on stream '" + stream
                    + "' is missing (null); use an empty array for no payload");
        }
        if (payload.length > EventRules.MAX_PAYLOAD_BYTES) {
            throw new StorageException("payload of a '" + type + "' event on stream '" + stream + "' is "
                    + payload.length + " bytes; the limit is " + EventRules.MAX_PAYLOAD_BYTES
                    + " bytes (put large state in a snapshot)");
        }
        return new NewEvent(stream, type, payload.clone());
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
        return o instanceof NewEvent e && stream.equals(e.stream) && type.equals(e.type)
                && Arrays.equals(payload, e.payload);
    }

    @Override
    public int hashCode() {
        return (stream.hashCode() * 31 + type.hashCode()) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "NewEvent[" + stream + "/" + type + ", " + payload.length + " bytes]";
    }
}
