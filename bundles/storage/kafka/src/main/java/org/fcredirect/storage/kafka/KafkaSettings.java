package org.fcredirect.storage.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validated settings of the Kafka event log.
 *
 * @param bootstrapServers {@code host:port}, at least one
 * @param snapshotTopic {@code <topic>.snapshots}
 */
record KafkaSettings(List<String> bootstrapServers, String nodeId, String topic, String snapshotTopic,
        int replicationFactor, int minInsyncReplicas, int timeoutMillis, int maxEventsPerTransaction,
        int snapshotMaxBytes) {
    static final int DEFAULT_REPLICATION_FACTOR = 3;
    static final int DEFAULT_MIN_INSYNC_REPLICAS = 2;
    static final int DEFAULT_TIMEOUT_MILLIS = 10_000;
    static final int DEFAULT_EVENTS_PER_TRANSACTION = 1024;
    static final int DEFAULT_SNAPSHOT_MAX_BYTES = 16 << 20;

    private static final Pattern HOST_PORT = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]):([0-9]{1,5})");
    private static final Pattern NODE_ID = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    /** Kafka's own rule, less the length the snapshot topic's suffix needs. */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    KafkaSettings {
        bootstrapServers = List.copyOf(bootstrapServers);
    }

    static KafkaSettings from(KafkaStorageConfig c) {
        List<String> servers = parseServers(c.bootstrapServers());
        String node = c.nodeId() == null ? "" : c.nodeId().strip();
        if (!NODE_ID.matcher(node).matches()) {
            throw new KafkaSettingException("nodeId", c.nodeId(), "must match " + NODE_ID.pattern());
        }
        String topic = c.topic() == null ? "" : c.topic().strip();
        if (!TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw new KafkaSettingException("topic", c.topic(), "must be 1 to 200 of A-Z a-z 0-9 . _ -, not . or ..");
        }
        int rf = range("replicationFactor", c.replicationFactor(), 1, 7);
        int isr = range("minInsyncReplicas", c.minInsyncReplicas(), 1, 7);
        if (isr > rf) {
            throw new KafkaSettingException("minInsyncReplicas", isr,
                    "must not exceed replicationFactor " + rf + ": no append could ever be acknowledged");
        }
        return new KafkaSettings(servers, node, topic, topic + ".snapshots", rf, isr,
                range("timeoutMillis", c.timeoutMillis(), 1000, 120_000),
                range("maxEventsPerTransaction", c.maxEventsPerTransaction(), 1, 65_535),
                range("snapshotMaxBytes", c.snapshotMaxBytes(), 65_536, 256 << 20));
    }

    static List<String> parseServers(String text) {
        if (text == null || text.isBlank()) {
            throw new KafkaSettingException("bootstrapServers", text, "names no broker; give host:port[,host:port...]");
        }
        List<String> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String s = part.strip();
            var m = HOST_PORT.matcher(s);
            if (!m.matches()) {
                throw new KafkaSettingException("bootstrapServers", text, "'" + s + "' is not host:port");
            }
            int port = Integer.parseInt(m.group(2));
            if (port < 1 || port > 65_535) {
                throw new KafkaSettingException("bootstrapServers", text, "port " + port + " is not 1 to 65535");
            }
            out.add(s);
        }
        return out;
    }

    private static int range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new KafkaSettingException(key, value, "must be " + min + " to " + max);
        }
        return value;
    }

    /** Where the nodes' heartbeats go: beside the history, never in it (see {@link FabricTopic}). */
    String fabricTopic() {
        return topic + ".fabric";
    }

    /** The transactional id: one per node, so a second process with this node's id fences the first. */
    String transactionalId() {
        return "fcr-" + nodeId + "-" + topic;
    }

    String clientId(String role) {
        return "fcr-" + nodeId + "-" + role;
    }

    @Override
    public String toString() {
        return "topic " + topic + " at " + String.join(",", bootstrapServers) + " as " + nodeId;
    }
}
