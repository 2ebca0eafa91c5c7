package org.fcredirect.storage.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.fcredirect.fabric.api.HeartbeatReceiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heartbeat topic of one set of settings: its thread ({@code fcr-kafka-fabric-<node>})
 * creates the topic when missing, then reads it from the start for ever, handing each record to
 * the receivers; on any failure it says why in {@link #fault()} and starts over a second later.
 * The newest heartbeat of each key is kept, so a receiver that comes later hears every node at once.
 */
final class HeartbeatLink implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatLink.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long RETRY_MILLIS = 1000;

    private final KafkaClients clients;
    private final TopicPartition partition;
    private final Thread thread;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<HeartbeatReceiver> receivers = new ArrayList<>();
    private final Map<String, byte[]> latest = new LinkedHashMap<>();
    private volatile KafkaProducer<byte[], byte[]> producer;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile String fault;

    HeartbeatLink(KafkaSettings settings) {
        this.clients = new KafkaClients(settings);
        this.partition = new TopicPartition(settings.fabricTopic(), 0);
        this.thread = new Thread(this, "fcr-kafka-fabric-" + settings.nodeId());
        this.fault = "connecting to " + settings;
    }

    KafkaSettings settings() {
        return clients.settings();
    }

    void start() {
        thread.start();
    }

    Optional<String> fault() {
        return Optional.ofNullable(fault);
    }

    void send(String nodeId, byte[] heartbeat) {
        KafkaProducer<byte[], byte[]> p = producer;
        if (p == null) {
            return;
        }
        try {
            p.send(new ProducerRecord<>(partition.topic(), 0, RecordFormat.utf8(nodeId), heartbeat), (meta, error) -> {
                if (error != null) {
                    fault = "heartbeat not sent to " + partition.topic() + ": " + KafkaErrors.reason(error);
                } else if (consumer != null) {
                    fault = null;
                }
            });
        } catch (KafkaException | IllegalStateException e) {
            fault = "heartbeat not sent to " + partition.topic() + ": " + KafkaErrors.reason(e);
        }
    }

    AutoCloseable listen(HeartbeatReceiver receiver) {
        synchronized (receivers) {
            latest.forEach(receiver::received);
            receivers.add(receiver);
        }
        return () -> {
            synchronized (receivers) {
                receivers.remove(receiver);
            }
        };
    }

    @Override
    public void run() {
        while (closed.getCount() > 0) {
            try {
                connectAndRead();
            } catch (WakeupException e) {
                break;
            } catch (RuntimeException e) {
                String reason = "heartbeats on " + partition.topic() + " stopped: " + KafkaErrors.reason(e);
                if (!reason.equals(fault)) {
                    LOG.warn("Fabric {}; retrying every second", reason);
                }
                fault = reason;
            } finally {
                closeClients();
            }
            try {
                if (closed.await(RETRY_MILLIS, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    private void connectAndRead() {
        try (Admin admin = clients.admin("fabric-admin")) {
            FabricTopic.ensure(admin, clients.settings());
        }
        consumer = clients.consumer("fabric-reader");
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        producer = clients.leaderAckedProducer("fabric");
        fault = null;
        while (closed.getCount() > 0) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                if (r.key() != null && r.value() != null) {
                    deliver(new String(r.key(), java.nio.charset.StandardCharsets.UTF_8), r.value());
                }
            }
        }
    }

    private void deliver(String key, byte[] value) {
        synchronized (receivers) {
            latest.remove(key);
            latest.put(key, value);
            for (HeartbeatReceiver r : receivers) {
                try {
                    r.received(key, value);
                } catch (RuntimeException e) {
                    LOG.warn("Fabric heartbeat receiver failed on the heartbeat of {}: {}", key, e.toString());
                }
            }
        }
    }

    private void closeClients() {
        KafkaProducer<byte[], byte[]> p = producer;
        producer = null;
        KafkaConsumer<byte[], byte[]> c = consumer;
        consumer = null;
        Duration wait = Duration.ofMillis(clients.settings().timeoutMillis());
        boolean interrupted = Thread.interrupted();
        try {
            if (p != null) {
                p.close(wait);
            }
            if (c != null) {
                c.close(Duration.ZERO);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the thread and its clients; returns once they are gone. */
    void close() {
        closed.countDown();
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(3L * clients.settings().timeoutMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("Fabric heartbeat thread {} did not stop in time", thread.getName());
        }
    }
}
