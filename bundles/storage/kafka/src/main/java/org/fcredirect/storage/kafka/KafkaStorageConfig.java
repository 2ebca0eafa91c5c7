package org.fcredirect.storage.kafka;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the event log on Kafka, PID {@code org.fcredirect.storage.kafka}. Rules are enforced by {@link KafkaSettings}. */
@ObjectClassDefinition(name = "fc-redirect event log on Kafka",
        description = "The shared history of a fabric of fc-redirect nodes on an Apache Kafka (KRaft) cluster."
                + " A change reconnects with the new settings.")
public @interface KafkaStorageConfig {

    @AttributeDefinition(name = "Bootstrap servers",
            description = "host:port of one or more brokers, comma separated.")
    String bootstrapServers() default "127.0.0.1:9092";

    @AttributeDefinition(name = "Node id",
            description = "This node's name in the fabric: a lower-case letter, then up to 31 of a-z 0-9 -."
                    + " Unique per node: two nodes with one id fence each other's writes.")
    String nodeId() default "node-1";

    @AttributeDefinition(name = "History topic",
            description = "The one-partition topic holding every node's events; its snapshots go to <topic>.snapshots.")
    String topic() default "fcr.history";

    @AttributeDefinition(name = "Replication factor", min = "1", max = "7",
            description = "Replicas of the history topics when this node creates them; an existing topic with fewer is refused.")
    int replicationFactor() default KafkaSettings.DEFAULT_REPLICATION_FACTOR;

    @AttributeDefinition(name = "Minimum in-sync replicas", min = "1", max = "7",
            description = "Replicas that must hold an event before it is acknowledged (min.insync.replicas);"
                    + " at most the replication factor.")
    int minInsyncReplicas() default KafkaSettings.DEFAULT_MIN_INSYNC_REPLICAS;

    @AttributeDefinition(name = "Timeout (ms)", min = "1000", max = "120000",
            description = "Longest wait for Kafka in any one call: connecting, reading; an append is confirmed"
                    + " or failed within twice this. Keep twice this under the services' append timeouts (30 s).")
    int timeoutMillis() default KafkaSettings.DEFAULT_TIMEOUT_MILLIS;

    @AttributeDefinition(name = "Events per transaction", min = "1", max = "65535",
            description = "Most waiting appends committed together in one Kafka transaction.")
    int maxEventsPerTransaction() default KafkaSettings.DEFAULT_EVENTS_PER_TRANSACTION;

    @AttributeDefinition(name = "Largest snapshot (bytes)", min = "65536", max = "268435456",
            description = "Largest snapshot a service may save; the snapshot topic's max.message.bytes follows it.")
    int snapshotMaxBytes() default KafkaSettings.DEFAULT_SNAPSHOT_MAX_BYTES;
}
