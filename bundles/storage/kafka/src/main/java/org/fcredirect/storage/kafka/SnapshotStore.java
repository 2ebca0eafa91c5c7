package org.fcredirect.storage.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.fcredirect.storage.api.EventRules;
import org.fcredirect.storage.api.Snapshot;
import org.fcredirect.storage.api.StorageException;

/**
 * Snapshots in the compacted topic {@code <topic>.snapshots}, keyed {@code node/stream}: Kafka
 * keeps each node's newest snapshot of each stream, next to the history, on the same replicas, so
 * a node that restarts (on another machine too) loads it and replays only the events after it. A
 * node reads its own snapshots only: per-node state (statistics) is snapshotted too, and another
 * node's would not be this node's. Saved through the writer, in a transaction like any event.
 */
final class SnapshotStore {
    private final KafkaClients clients;
    private final TransactionWriter writer;
    private final LongSupplier lastSequence;
    private final Clock clock;
    private final TopicPartition partition;
    /** This node's snapshots as last saved or loaded: this node is the only writer of its keys. */
    private final Map<String, Optional<Snapshot>> known = new ConcurrentHashMap<>();

    SnapshotStore(KafkaClients clients, TransactionWriter writer, LongSupplier lastSequence, Clock clock) {
        this.clients = clients;
        this.writer = writer;
        this.lastSequence = lastSequence;
        this.clock = clock;
        this.partition = new TopicPartition(clients.settings().snapshotTopic(), 0);
    }

    Snapshot save(String stream, long sequence, byte[] data) {
        EventRules.checkName("stream", stream);
        EventRules.checkSequence("snapshot sequence", sequence);
        if (data == null) {
            throw new StorageException("snapshot of stream '" + stream + "' has no data (use an empty array)");
        }
        int max = Math.min(EventRules.MAX_SNAPSHOT_BYTES, clients.settings().snapshotMaxBytes());
        if (data.length > max) {
            throw new StorageException("snapshot of stream '" + stream + "' is " + data.length
                    + " bytes; this log takes at most " + max + " (snapshotMaxBytes)");
        }
        long last = lastSequence.getAsLong();
        if (sequence > last) {
            throw new StorageException("snapshot of stream '" + stream + "' at sequence " + sequence
                    + " is past the last sequence " + last);
        }
        Optional<Snapshot> current = load(stream);
        if (current.isPresent() && current.get().sequence() > sequence) {
            throw new StorageException("snapshot of stream '" + stream + "' at sequence " + sequence
                    + " is older than its current snapshot at " + current.get().sequence());
        }
        Instant at = clock.instant();
        long micros = TimeUnit.SECONDS.toMicros(at.getEpochSecond()) + at.getNano() / 1000;
        String key = RecordFormat.snapshotKey(clients.settings().nodeId(), stream);
        PendingWrite w = PendingWrite.of(List.of(new ProducerRecord<>(clients.settings().snapshotTopic(), 0,
                RecordFormat.utf8(key), RecordFormat.encodeSnapshot(sequence, micros, data))), false);
        writer.submit(w);
        await(w, stream);
        Snapshot saved = new Snapshot(stream, sequence, Instant.ofEpochSecond(0, micros * 1000), data);
        known.put(stream, Optional.of(saved));
        return saved;
    }

    private void await(PendingWrite w, String stream) {
        try {
            w.done().get(2L * clients.settings().timeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new StorageException("snapshot of stream '" + stream + "' not saved: " + e.getCause().getMessage(), e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new StorageException("snapshot of stream '" + stream + "' not confirmed by Kafka within "
                    + 2L * clients.settings().timeoutMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while saving the snapshot of stream '" + stream + "'", e);
        }
    }

    Optional<Snapshot> load(String stream) {
        EventRules.checkName("stream", stream);
        Optional<Snapshot> cached = known.get(stream);
        if (cached != null) {
            return cached;
        }
        Optional<Snapshot> found = readNewest(RecordFormat.snapshotKey(clients.settings().nodeId(), stream), stream);
        known.putIfAbsent(stream, found);
        return known.get(stream);
    }

    /** Reads the snapshot topic to its end: compaction keeps it short, one record per node and stream. */
    private Optional<Snapshot> readNewest(String key, String stream) {
        Duration wait = Duration.ofMillis(clients.settings().timeoutMillis());
        byte[] wanted = RecordFormat.utf8(key);
        byte[] value = null;
        try (KafkaConsumer<byte[], byte[]> c = clients.consumer("snapshots")) {
            c.assign(List.of(partition));
            long end = c.endOffsets(List.of(partition), wait).get(partition);
            c.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + wait.toNanos();
            while (c.position(partition, wait) < end) {
                if (System.nanoTime() > deadline) {
                    throw new StorageException("reading the snapshots of " + clients.settings() + " made no progress for "
                            + wait.toMillis() + " ms");
                }
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(100))) {
                    if (r.offset() < end && java.util.Arrays.equals(wanted, r.key())) {
                        value = r.value();
                    }
                    deadline = System.nanoTime() + wait.toNanos();
                }
            }
        } catch (KafkaException e) {
            throw new StorageException("reading the snapshots of " + clients.settings() + " failed: "
                    + KafkaErrors.reason(e), e);
        }
        return value == null ? Optional.empty() : Optional.of(RecordFormat.decodeSnapshot(stream, value));
    }
}
