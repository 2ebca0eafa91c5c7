package org.fcredirect.storage.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Makes the Kafka clients with this log's settings. Inside OSGi kafka-clients loads classes by
 * name through the thread's context class loader, so each client is built with this bundle's
 * loader there; serializers are given as instances for the same reason. Compression is off (no
 * native codec is ever loaded) and no JMX metrics reporter is registered.
 */
final class KafkaClients {
    private final KafkaSettings settings;

    KafkaClients(KafkaSettings settings) {
        this.settings = settings;
    }

    KafkaSettings settings() {
        return settings;
    }

    KafkaProducer<byte[], byte[]> transactionalProducer() {
        Map<String, Object> p = common("history");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Math.max(10_000, 2 * settings.timeoutMillis()));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.timeoutMillis());
        // a record may wait out a leader's move as long as its commit may (TransactionWriter retries a commit once)
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2 * settings.timeoutMillis());
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, settings.snapshotMaxBytes() + (1 << 20));
        return withBundleLoader(() -> new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer()));
    }

    KafkaConsumer<byte[], byte[]> consumer(String role) {
        Map<String, Object> p = common(role);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, settings.snapshotMaxBytes() + (1 << 20));
        return withBundleLoader(() -> new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
    }

    Admin admin() {
        return admin("admin");
    }

    /** @param role names the client (and its thread) after what it is for */
    Admin admin(String role) {
        Map<String, Object> p = common(role);
        return withBundleLoader(() -> Admin.create(p));
    }

    /**
     * A producer for what may be lost (heartbeats: the next one replaces it): acknowledged by the
     * leader alone, so it keeps working while the history refuses writes for want of in-sync replicas.
     */
    KafkaProducer<byte[], byte[]> leaderAckedProducer(String role) {
        Map<String, Object> p = common(role);
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.timeoutMillis());
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, settings.timeoutMillis());
        return withBundleLoader(() -> new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer()));
    }

    /** The part every client shares. The request timeout stays under the call timeout so a call can fail in time. */
    private Map<String, Object> common(String role) {
        Map<String, Object> p = new HashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, String.join(",", settings.bootstrapServers()));
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, settings.clientId(role));
        p.put(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG, "");
        p.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, Math.max(500, settings.timeoutMillis() / 2));
        p.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, settings.timeoutMillis());
        p.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        p.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 100);
        return p;
    }

    static <T> T withBundleLoader(Supplier<T> make) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(KafkaClients.class.getClassLoader());
        try {
            return make.get();
        } finally {
            t.setContextClassLoader(previous);
        }
    }
}
