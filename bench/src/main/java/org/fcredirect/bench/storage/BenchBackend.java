package org.fcredirect.bench.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fcredirect.storage.api.DurabilityMode;
import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.NewEvent;
import org.fcredirect.storage.impl.FileEventLog;
import org.fcredirect.storage.impl.LogSettings;
import org.fcredirect.storage.kafka.KafkaBenchBridge;
import org.fcredirect.tools.kafkacluster.KafkaCluster;

/**
 * One event log of a benchmark trial: {@code file} (the file log, fsync, in a fresh directory) or
 * {@code kafka} (a three-broker KRaft cluster of this machine started for the trial, replication 3,
 * min.insync.replicas 2, acks=all, transactions), so both are measured in the same run.
 */
final class BenchBackend implements AutoCloseable {
    private static final Duration CLUSTER_START = Duration.ofSeconds(180);

    private final Path dir;
    private final KafkaCluster cluster;
    private final EventLog log;

    private BenchBackend(Path dir, KafkaCluster cluster, EventLog log) {
        this.dir = dir;
        this.cluster = cluster;
        this.log = log;
    }

    static BenchBackend open(String backend, String name) {
        Path dir = BenchDirs.create(name + "-" + backend + "-");
        switch (backend) {
            case "file":
                return new BenchBackend(dir, null, FileEventLog.open(LogSettings.of(dir.resolve("eventlog"),
                        LogSettings.DEFAULT_SEGMENT_BYTES, DurabilityMode.FSYNC, LogSettings.DEFAULT_GROUP_COMMIT_EVENTS, 0)));
            case "kafka":
                KafkaCluster cluster = KafkaCluster.start(dir.resolve("kafka"), 3, CLUSTER_START);
                EventLog log = KafkaBenchBridge.open(cluster.bootstrapServers(), "bench", "bench." + name);
                BenchBackend b = new BenchBackend(dir, cluster, log);
                // the first append waits for the connection and the topics: not part of any measurement
                b.appendBatch(List.of(NewEvent.of("warmup", "first", new byte[1])));
                return b;
            default:
                throw new IllegalArgumentException("backend '" + backend + "': file or kafka");
        }
    }

    EventLog log() {
        return log;
    }

    /** Appends {@code count} events of {@code payloadBytes} to four streams, in atomic batches of 4096. */
    void fill(long count, int payloadBytes) {
        byte[] payload = new byte[payloadBytes];
        String[] streams = {"flow", "policy", "config", "monitor"};
        List<NewEvent> batch = new ArrayList<>(4096);
        for (long i = 0; i < count; i++) {
            batch.add(NewEvent.of(streams[(int) (i & 3)], "tick", payload));
            if (batch.size() == 4096 || i == count - 1) {
                appendBatch(batch);
                batch.clear();
            }
        }
    }

    private void appendBatch(List<NewEvent> batch) {
        try {
            log.appendAll(List.copyOf(batch)).get(5, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("filling the " + (cluster == null ? "file" : "kafka") + " log failed", e);
        }
    }

    @Override
    public void close() {
        if (cluster == null) {
            ((FileEventLog) log).close();
        } else {
            KafkaBenchBridge.close(log);
            cluster.close();
        }
        BenchDirs.delete(dir);
    }
}
