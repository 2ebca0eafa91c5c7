package org.fcredirect.storage.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.fcredirect.flow.testkit.Await;
import org.fcredirect.storage.api.Appended;
import org.fcredirect.storage.api.EventPage;
import org.fcredirect.storage.api.NewEvent;
import org.fcredirect.storage.api.Snapshot;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StorageStatus;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.api.StreamFilter;
import org.fcredirect.storage.api.Subscriber;
import org.fcredirect.storage.api.Subscription;
import org.fcredirect.tools.kafkacluster.KafkaCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka event log against a real three-node KRaft cluster of separate JVM processes. */
class KafkaEventLogTest {
    private static final Duration THIRTY_SECONDS = Duration.ofSeconds(30);
    private static final AtomicInteger TOPICS = new AtomicInteger();

    @TempDir
    static Path dir;
    static KafkaCluster cluster;
    static Admin admin;

    private final List<KafkaEventLog> opened = new ArrayList<>();

    @BeforeAll
    static void startCluster() {
        cluster = KafkaCluster.start(dir, 3, Duration.ofSeconds(120));
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        admin = Admin.create(p);
    }

    @AfterAll
    static void stopCluster() {
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.kill();
        }
    }

    @AfterEach
    void closeLogs() {
        opened.forEach(KafkaEventLog::close);
    }

    private KafkaEventLog open(String node, String topic, Map<String, ?> more) {
        Map<String, Object> v = new HashMap<>(Map.of("bootstrapServers", cluster.bootstrapServers(), "nodeId", node,
                "topic", topic, "timeoutMillis", 8000));
        v.putAll(more);
        KafkaEventLog log = KafkaEventLog.open(KafkaSettingsTest.settings(v), Clock.systemUTC());
        opened.add(log);
        return log;
    }

    private KafkaEventLog open(String node, String topic) {
        return open(node, topic, Map.of());
    }

    private static String newTopic() {
        return "t" + TOPICS.incrementAndGet();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    @Test
    void createsTheHistoryWithThreeReplicasAndTwoInSync() throws Exception {
        String topic = newTopic();
        await(open("node-a", topic).append("flow", "created", bytes("x")));
        for (String t : List.of(topic, topic + ".snapshots")) {
            TopicDescription d = admin.describeTopics(List.of(t)).allTopicNames().get().get(t);
            assertEquals(1, d.partitions().size());
            assertEquals(3, d.partitions().get(0).replicas().size());
            ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, t);
            assertEquals("2", admin.describeConfigs(List.of(r)).all().get().get(r).get("min.insync.replicas").value());
        }
        ConfigResource history = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        assertEquals("LogAppendTime",
                admin.describeConfigs(List.of(history)).all().get().get(history).get("message.timestamp.type").value());
    }

    @Test
    void appendsAreReadBackInOrderWithIncreasingSequencesAndTimes() throws Exception {
        KafkaEventLog log = open("node-a", newTopic());
        Appended a = await(log.append("flow", "created", bytes("one")));
        List<Appended> all = await(log.appendAll(List.of(NewEvent.of("flow", "created", bytes("two")),
                NewEvent.of("policy", "added", bytes("three")))));
        assertEquals(1, a.sequence());
        assertEquals(all.get(0).sequence() + 1, all.get(1).sequence(), "one appendAll has no other event between");
        assertTrue(all.get(0).sequence() > a.sequence());
        assertFalse(all.get(0).timestamp().isBefore(a.timestamp()));

        EventPage page = log.read(StreamFilter.all(), 0, 10);
        assertEquals(List.of("one", "two", "three"), page.events().stream().map(e -> new String(e.payload(),
                StandardCharsets.UTF_8)).toList());
        assertEquals(List.of(a.sequence(), all.get(0).sequence(), all.get(1).sequence()),
                page.events().stream().map(StoredEvent::sequence).toList());
        assertTrue(page.endOfLog());
        assertTrue(log.lastSequence() >= all.get(1).sequence());

        EventPage flows = log.read(StreamFilter.of("flow"), 0, 1);
        assertEquals(1, flows.events().size());
        assertFalse(flows.endOfLog());
        assertEquals(a.sequence() + 1, flows.nextSequence());
        EventPage rest = log.read(StreamFilter.of("flow"), flows.nextSequence(), 10);
        assertEquals(List.of("two"), rest.events().stream().map(e -> new String(e.payload(), StandardCharsets.UTF_8)).toList());

        List<String> replayed = new ArrayList<>();
        long next = log.replay(StreamFilter.of("policy"), 1, e -> replayed.add(e.type()));
        assertEquals(List.of("added"), replayed);
        assertTrue(next > all.get(1).sequence());
        long stopped = log.replay(StreamFilter.all(), 1, e -> false);
        assertEquals(a.sequence() + 1, stopped, "a replay stopped by its handler continues after that event");
    }

    @Test
    void aSubscriptionCatchesUpThenFollowsEveryNodesAppends() throws Exception {
        String topic = newTopic();
        KafkaEventLog a = open("node-a", topic);
        KafkaEventLog b = open("node-b", topic);
        for (int i = 0; i < 5; i++) {
            await(a.append("flow", "created", bytes("a" + i)));
        }
        List<StoredEvent> seen = new CopyOnWriteArrayList<>();
        Subscription s = b.subscribe(StreamFilter.of("flow"), 1, seen::add);
        Await.until("catch-up of 5 events", THIRTY_SECONDS, () -> seen.size() == 5);
        Await.until("live", THIRTY_SECONDS, s::isLive);
        await(b.append("flow", "created", bytes("b0")));
        await(a.appendAll(List.of(NewEvent.of("flow", "created", bytes("a5")), NewEvent.of("other", "x", bytes("-")))));
        Await.until("both nodes' live appends", THIRTY_SECONDS, () -> seen.size() == 7);
        assertEquals(List.of("a0", "a1", "a2", "a3", "a4", "b0", "a5"),
                seen.stream().map(e -> new String(e.payload(), StandardCharsets.UTF_8)).toList());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).sequence() > seen.get(i - 1).sequence());
        }
        s.close();
        assertTrue(s.isClosed());
        StorageStatus status = b.status();
        assertEquals(0, status.subscriptions());
        // 7 events in at least 4 commits, each with its marker; what b appended itself: one event
        assertTrue(status.eventCount() >= 11, status.toString());
        assertEquals(status.lastSequence() - status.firstSequence() + 1, status.eventCount());
        assertTrue(status.byteCount() > 7 * 10, "bytes " + status.byteCount());
        assertEquals("1 events, 13 bytes of stream, type and payload", status.details().get("appendedByThisNode"));
    }

    @Test
    void aSubscriberThatThrowsIsEndedWithTheReason() throws Exception {
        KafkaEventLog log = open("node-a", newTopic());
        await(log.append("flow", "created", bytes("x")));
        List<StorageException> errors = new CopyOnWriteArrayList<>();
        Subscription s = log.subscribe(StreamFilter.all(), 1, new Subscriber() {
            @Override
            public void onEvent(StoredEvent event) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void onError(StorageException error) {
                errors.add(error);
            }
        });
        Await.until("the error", THIRTY_SECONDS, () -> errors.size() == 1);
        assertTrue(s.isClosed());
        assertTrue(errors.get(0).getMessage().startsWith("the subscriber threw at sequence 1: java.lang.IllegalStateException: boom"),
                errors.get(0).getMessage());
    }

    @Test
    void snapshotsAreKeptPerNodeAndChecked() throws Exception {
        String topic = newTopic();
        KafkaEventLog a = open("node-a", topic);
        Appended at = await(a.append("flow", "created", bytes("x")));
        Snapshot saved = a.saveSnapshot("flow", at.sequence(), bytes("state"));
        assertEquals(at.sequence(), saved.sequence());

        KafkaEventLog restarted = open("node-a", topic, Map.of("snapshotMaxBytes", 65_536));
        Snapshot loaded = restarted.loadSnapshot("flow").orElseThrow();
        assertArrayEquals(bytes("state"), loaded.data());
        assertEquals(at.sequence(), loaded.sequence());
        assertTrue(open("node-b", topic).loadSnapshot("flow").isEmpty(), "another node's state is not this node's");

        StorageException past = assertThrows(StorageException.class,
                () -> restarted.saveSnapshot("flow", restarted.lastSequence() + 100, bytes("s")));
        assertTrue(past.getMessage().contains("is past the last sequence"), past.getMessage());
        await(restarted.append("flow", "created", bytes("y")));
        restarted.saveSnapshot("flow", restarted.lastSequence(), bytes("newer"));
        StorageException older = assertThrows(StorageException.class, () -> restarted.saveSnapshot("flow", 1, bytes("s")));
        assertTrue(older.getMessage().contains("is older than its current snapshot"), older.getMessage());
        StorageException big = assertThrows(StorageException.class,
                () -> restarted.saveSnapshot("flow", restarted.lastSequence(), new byte[65_537]));
        assertTrue(big.getMessage().contains("this log takes at most"), big.getMessage());
    }

    @Test
    void readsOfAFreshLogWaitForItsTopicsToBeCreated() {
        KafkaEventLog log = open("node-a", newTopic());
        assertTrue(log.loadSnapshot("flow").isEmpty());
        assertEquals(1, log.replay(StreamFilter.all(), 1, e -> true));
        assertTrue(log.read(StreamFilter.all(), 0, 10).events().isEmpty());
    }

    @Test
    void compactionIsRefusedWithTheReason() {
        StorageException e = assertThrows(StorageException.class, () -> open("node-a", newTopic()).compact());
        assertTrue(e.getMessage().startsWith("compaction is refused on the shared Kafka history"), e.getMessage());
    }

    @Test
    void anUnreachableClusterFailsAppendsWithTheReasonAndNeverHangs() throws Exception {
        KafkaEventLog log = open("node-a", newTopic(), Map.of("bootstrapServers", "127.0.0.1:1", "timeoutMillis", 1000));
        ExecutionException first = assertThrows(ExecutionException.class,
                () -> log.append("flow", "created", bytes("x")).get(10, TimeUnit.SECONDS));
        assertTrue(first.getCause().getMessage().contains("127.0.0.1:1"), first.getCause().getMessage());
        Await.until("the status says why", THIRTY_SECONDS, () -> log.status().faulted());
        StorageStatus s = log.status();
        assertTrue(s.lastError().orElseThrow().contains("no Kafka broker at 127.0.0.1:1 answered within 1000 ms"),
                s.lastError().orElseThrow());
        long start = System.nanoTime();
        ExecutionException later = assertThrows(ExecutionException.class,
                () -> log.append("flow", "created", bytes("x")).get(10, TimeUnit.SECONDS));
        assertTrue(later.getCause().getMessage().startsWith("Kafka history not available: no Kafka broker at 127.0.0.1:1"),
                later.getCause().getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "refused at once once known down");
        assertEquals(0, log.lastSequence());
        assertTrue(s.failedAppends() >= 1);
    }

    @Test
    void aTopicWithTooFewReplicasIsRefused() throws Exception {
        String topic = newTopic();
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        KafkaEventLog log = open("node-a", topic);
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> log.append("flow", "created", bytes("x")).get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("topic " + topic + " has 1 replica(s); the settings require 3"),
                e.getCause().getMessage());
        Await.until("faulted", THIRTY_SECONDS, () -> log.status().faulted());
    }

    @Test
    void aReplicationFactorTheClusterCannotGiveIsRefused() throws Exception {
        KafkaEventLog log = open("node-a", newTopic(), Map.of("replicationFactor", 5, "minInsyncReplicas", 2));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> log.append("flow", "created", bytes("x")).get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("with replication factor 5"), e.getCause().getMessage());
        assertTrue(e.getCause().getMessage().contains("InvalidReplicationFactorException"), e.getCause().getMessage());
    }

    @Test
    void closingStopsEveryKafkaThread() throws Exception {
        KafkaEventLog log = open("node-z", newTopic());
        await(log.append("flow", "created", bytes("x")));
        log.subscribe(StreamFilter.all(), 1, e -> { });
        assertTrue(log.status().byteCount() > 0);
        assertFalse(threads("node-z").isEmpty());
        log.close();
        assertEquals(List.of(), threads("node-z"));
    }

    private static List<String> threads(String node) {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.contains("fcr-" + node) || n.contains("fcr-kafka-writer-" + node)
                        || n.contains("fcr-kafka-sub-" + node))
                .toList();
    }

    /**
     * Runs last in effect (it kills brokers): with one broker down appends go on; with two down
     * the cluster refuses them (NOT_ENOUGH_REPLICAS) within the timeout; back up, they work again.
     */
    @Test
    void zzBrokerLoss() throws Exception {
        KafkaEventLog log = open("node-a", newTopic());
        await(log.append("flow", "created", bytes("before")));
        cluster.kill(3);
        await(log.append("flow", "created", bytes("one broker down")));
        cluster.kill(2);
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> log.append("flow", "created", bytes("two down")).get(30, TimeUnit.SECONDS));
        assertTrue(refused.getCause().getMessage().contains("Kafka"), refused.getCause().getMessage());
        Await.until("the status says why", THIRTY_SECONDS, () -> log.status().faulted()
                && !log.status().lastError().orElse("").isEmpty(), () -> "last error " + log.status().lastError());
        ExecutionException known = assertThrows(ExecutionException.class,
                () -> log.append("flow", "created", bytes("still two down")).get(30, TimeUnit.SECONDS));
        assertTrue(known.getCause().getMessage().startsWith("Kafka history not available: "),
                known.getCause().getMessage());
        cluster.restart(2, Duration.ofSeconds(90));
        cluster.restart(3, Duration.ofSeconds(90));
        // the restarted brokers reload the transaction state before a producer can connect again
        Await.until("appends work again", Duration.ofSeconds(90), () -> {
            try {
                log.append("flow", "created", bytes("after")).get(10, TimeUnit.SECONDS);
                return true;
            } catch (Exception e) {
                return false;
            }
        }, () -> "last error " + log.status().lastError());
        List<String> stored = log.read(StreamFilter.all(), 0, 100).events().stream()
                .map(e -> new String(e.payload(), StandardCharsets.UTF_8)).toList();
        assertEquals("before", stored.get(0));
        assertEquals("one broker down", stored.get(1));
        assertEquals("after", stored.get(stored.size() - 1));
    }
}
