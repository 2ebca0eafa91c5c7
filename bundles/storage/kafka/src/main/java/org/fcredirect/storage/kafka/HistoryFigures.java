package org.fcredirect.storage.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.fcredirect.storage.api.StorageException;

/**
 * The history's size for the status view, from offsets and the brokers' log directories, through
 * one admin client kept for as long as the log is open: the status is read every few seconds (health
 * check, metrics), and a client made per call would log its whole configuration each time.
 */
final class HistoryFigures {
    private final KafkaClients clients;
    private final TopicPartition partition;
    private Admin admin;
    private boolean closed;

    HistoryFigures(KafkaClients clients) {
        this.clients = clients;
        this.partition = new TopicPartition(clients.settings().topic(), 0);
    }

    /** {first stored, next to be written} as sequence numbers; the end is the last committed position. */
    synchronized long[] bounds(Duration t) {
        Admin a = admin();
        ListOffsetsOptions committed = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, ListOffsetsResultInfo> first = call("reading the history's first offset",
                t, () -> a.listOffsets(Map.of(partition, OffsetSpec.earliest()), committed).all().get(t.toMillis(),
                        TimeUnit.MILLISECONDS));
        Map<TopicPartition, ListOffsetsResultInfo> end = call("reading the history's end", t,
                () -> a.listOffsets(Map.of(partition, OffsetSpec.latest()), committed).all().get(t.toMillis(),
                        TimeUnit.MILLISECONDS));
        return new long[] {RecordFormat.sequenceOf(first.get(partition).offset()),
                RecordFormat.sequenceOf(end.get(partition).offset())};
    }

    /**
     * The history partition's size in bytes on the replica that holds most of it (the replicas
     * hold the same records; a lagging one holds less), Kafka's framing and markers included.
     */
    synchronized long storedBytes(Duration t) {
        Admin a = admin();
        List<Integer> brokers = call("listing the brokers", t, () -> a.describeCluster().nodes()
                .get(t.toMillis(), TimeUnit.MILLISECONDS)).stream().map(Node::id).toList();
        Map<Integer, Map<String, LogDirDescription>> dirs = call("describing the brokers' log directories", t,
                () -> a.describeLogDirs(brokers).allDescriptions().get(t.toMillis(), TimeUnit.MILLISECONDS));
        long largest = 0;
        for (Map<String, LogDirDescription> broker : dirs.values()) {
            for (LogDirDescription dir : broker.values()) {
                ReplicaInfo replica = dir.replicaInfos().get(partition);
                if (replica != null) {
                    largest = Math.max(largest, replica.size());
                }
            }
        }
        return largest;
    }

    /** Stops the admin client and its thread; later calls fail. */
    synchronized void close(Duration t) {
        closed = true;
        if (admin != null) {
            boolean interrupted = Thread.interrupted();
            try {
                admin.close(t);
            } finally {
                admin = null;
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private Admin admin() {
        if (closed) {
            throw new StorageException("the Kafka event log is closed");
        }
        if (admin == null) {
            admin = clients.admin("status");
        }
        return admin;
    }

    private interface Call<T> {
        T run() throws ExecutionException, TimeoutException, InterruptedException;
    }

    private static <T> T call(String what, Duration t, Call<T> call) {
        try {
            return call.run();
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new StorageException(what + " failed within " + t.toMillis() + " ms: " + KafkaErrors.reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while " + what, e);
        }
    }
}
