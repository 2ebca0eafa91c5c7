package org.fcredirect.storage.kafka;

import java.time.Clock;
import java.util.List;

import org.fcredirect.storage.api.EventLog;

/**
 * Opens and closes the Kafka event log for the benchmarks (in this module only, in the log's
 * package on the class path, as {@code BenchBridge} does for the fast path): the log's opening and
 * closing are the OSGi component's, package-private.
 */
public final class KafkaBenchBridge {
    private KafkaBenchBridge() {
    }

    /** The log with its defaults (replication 3, min.insync.replicas 2, transactions of up to 1024 events). */
    public static EventLog open(String bootstrapServers, String nodeId, String topic) {
        KafkaSettings settings = new KafkaSettings(List.of(bootstrapServers.split(",")), nodeId, topic,
                topic + ".snapshots", KafkaSettings.DEFAULT_REPLICATION_FACTOR, KafkaSettings.DEFAULT_MIN_INSYNC_REPLICAS,
                KafkaSettings.DEFAULT_TIMEOUT_MILLIS * 3, KafkaSettings.DEFAULT_EVENTS_PER_TRANSACTION,
                KafkaSettings.DEFAULT_SNAPSHOT_MAX_BYTES);
        return KafkaEventLog.open(settings, Clock.systemUTC());
    }

    public static void close(EventLog log) {
        ((KafkaEventLog) log).close();
    }
}
