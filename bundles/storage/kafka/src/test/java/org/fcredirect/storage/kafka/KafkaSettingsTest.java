package org.fcredirect.storage.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.fcredirect.flow.testkit.SettingsProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KafkaSettingsTest {

    static KafkaSettings settings(Map<String, ?> values) {
        return KafkaSettings.from(SettingsProxy.of(KafkaStorageConfig.class, values));
    }

    @Test
    void defaultsAreThreeReplicasTwoInSync() {
        KafkaSettings s = settings(Map.of());
        assertEquals(3, s.replicationFactor());
        assertEquals(2, s.minInsyncReplicas());
        assertEquals(List.of("127.0.0.1:9092"), s.bootstrapServers());
        assertEquals("fcr.history.snapshots", s.snapshotTopic());
        assertEquals("fcr-node-1-fcr.history", s.transactionalId());
    }

    @Test
    void takesSeveralServersWithSpaces() {
        KafkaSettings s = settings(Map.of("bootstrapServers", " 127.0.0.1:9092, broker-2.san:19092 ,[::1]:9093"));
        assertEquals(List.of("127.0.0.1:9092", "broker-2.san:19092", "[::1]:9093"), s.bootstrapServers());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "127.0.0.1", "127.0.0.1:", ":9092", "127.0.0.1:0", "127.0.0.1:65536",
            "127.0.0.1:9092,", "127.0.0.1:9092,,127.0.0.2:9092", "host:port", "a b:9092", "127.0.0.1:123456"})
    void refusesMalformedBootstrapServers(String servers) {
        KafkaSettingException e = assertThrows(KafkaSettingException.class,
                () -> settings(Map.of("bootstrapServers", servers)));
        assertTrue(e.getMessage().startsWith("Kafka storage setting bootstrapServers="), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Node1", "1node", "node_1", "node.1", "a-very-long-node-name-of-33-chars"})
    void refusesMalformedNodeIds(String node) {
        KafkaSettingException e = assertThrows(KafkaSettingException.class, () -> settings(Map.of("nodeId", node)));
        assertTrue(e.getMessage().contains("nodeId"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "has space", "slash/topic", "t\u00e9"})
    void refusesMalformedTopics(String topic) {
        assertThrows(KafkaSettingException.class, () -> settings(Map.of("topic", topic)));
    }

    @Test
    void refusesMoreInSyncReplicasThanReplicas() {
        KafkaSettingException e = assertThrows(KafkaSettingException.class,
                () -> settings(Map.of("replicationFactor", 2, "minInsyncReplicas", 3)));
        assertEquals("Kafka storage setting minInsyncReplicas=3 rejected: must not exceed replicationFactor 2:"
                + " no append could ever be acknowledged", e.getMessage());
    }

    @Test
    void refusesNumbersOutsideTheirRanges() {
        assertThrows(KafkaSettingException.class, () -> settings(Map.of("replicationFactor", 0)));
        assertThrows(KafkaSettingException.class, () -> settings(Map.of("replicationFactor", 8)));
        assertThrows(KafkaSettingException.class, () -> settings(Map.of("minInsyncReplicas", 0)));
        assertThrows(KafkaSettingException.class, () -> settings(Map.of("timeoutMillis", 999)));
        assertThrows(KafkaSettingException.class, () -> settings(Map.of("timeoutMillis", 120_001)));
        assertThrows(KafkaSettingException.class, () -> settings(Map.of("maxEventsPerTransaction", 0)));
        assertThrows(KafkaSettingException.class, () -> settings(Map.of("snapshotMaxBytes", 1000)));
    }
}
