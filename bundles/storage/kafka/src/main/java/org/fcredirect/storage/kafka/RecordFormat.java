package org.fcredirect.storage.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.fcredirect.storage.api.EventRules;
import org.fcredirect.storage.api.Snapshot;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StoredEvent;

/**
 * How an event and a snapshot sit in Kafka records. An event: key = stream name, header
 * {@value #TYPE_HEADER} = event type, value = payload; its sequence is its offset + 1 and its
 * timestamp the broker's (the history topic uses {@code LogAppendTime}). A snapshot: key =
 * {@code node/stream}, value = sequence (8 bytes), saved-at microseconds (8 bytes), data.
 */
final class RecordFormat {
    static final String TYPE_HEADER = "fcr.type";
    private static final int SNAPSHOT_HEADER_BYTES = 16;

    private RecordFormat() {
    }

    static long sequenceOf(long offset) {
        return offset + 1;
    }

    static long offsetOf(long sequence) {
        return Math.max(0, sequence - 1);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @return the event, or null for a record this log did not write (no valid stream key or type
     *         header): such records are skipped, identically on every node
     */
    static StoredEvent toEvent(ConsumerRecord<byte[], byte[]> r) {
        if (r.key() == null || r.value() == null) {
            return null;
        }
        Header type = r.headers().lastHeader(TYPE_HEADER);
        if (type == null || type.value() == null) {
            return null;
        }
        String stream = new String(r.key(), StandardCharsets.UTF_8);
        String typeName = new String(type.value(), StandardCharsets.UTF_8);
        if (!validName(stream) || !validName(typeName)) {
            return null;
        }
        return StoredEvent.adopt(sequenceOf(r.offset()), TimeUnit.MILLISECONDS.toMicros(r.timestamp()), stream,
                typeName, r.value());
    }

    private static boolean validName(String s) {
        try {
            EventRules.checkName("name", s);
            return true;
        } catch (StorageException e) {
            return false;
        }
    }

    static String snapshotKey(String nodeId, String stream) {
        return nodeId + "/" + stream;
    }

    static byte[] encodeSnapshot(long sequence, long savedAtMicros, byte[] data) {
        return ByteBuffer.allocate(SNAPSHOT_HEADER_BYTES + data.length).putLong(sequence).putLong(savedAtMicros)
                .put(data).array();
    }

    /** @throws StorageException for a value too short to hold the header */
    static Snapshot decodeSnapshot(String stream, byte[] value) {
        if (value == null || value.length < SNAPSHOT_HEADER_BYTES) {
            throw new StorageException("snapshot of stream '" + stream + "' is corrupt: "
                    + (value == null ? "no value" : value.length + " bytes, less than its 16-byte header"));
        }
        ByteBuffer b = ByteBuffer.wrap(value);
        long sequence = b.getLong();
        long micros = b.getLong();
        byte[] data = new byte[value.length - SNAPSHOT_HEADER_BYTES];
        b.get(data);
        Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
        return new Snapshot(stream, sequence, at, data);
    }
}
