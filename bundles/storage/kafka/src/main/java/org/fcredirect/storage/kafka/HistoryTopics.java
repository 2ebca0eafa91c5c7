package org.fcredirect.storage.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.fcredirect.storage.api.StorageException;

/**
 * Creates the history and snapshot topics when they are missing and checks them when they are
 * not, so a node never writes to a topic weaker than its settings ask for. The history is one
 * partition (one total order for every node), kept forever, time-stamped by the broker; the
 * snapshots topic is compacted, so each node's newest snapshot of each stream stays readable by
 * a joining or restarting node without the history before it.
 */
final class HistoryTopics {

    private HistoryTopics() {
    }

    /** @return the number of brokers the cluster has registered */
    static int ensure(Admin admin, KafkaSettings s) {
        Set<Integer> live = call(s, "describing the cluster", admin.describeCluster().nodes()).stream()
                .map(Node::id).collect(Collectors.toSet());
        int brokers = live.size();
        createMissing(admin, s);
        TopicDescription history = describe(admin, s, s.topic());
        if (history.partitions().size() != 1) {
            throw new StorageException("topic " + s.topic() + " has " + history.partitions().size()
                    + " partitions; the history needs exactly 1 for one order across nodes");
        }
        checkReplicas(s, history);
        // a partition keeps a dead broker listed in its ISR when it was the last one there: count the live ones
        long inSync = history.partitions().get(0).isr().stream().filter(n -> live.contains(n.id())).count();
        if (inSync < s.minInsyncReplicas()) {
            throw new StorageException("the cluster refuses writes: topic " + s.topic() + " has " + inSync
                    + " in-sync replica(s) and needs " + s.minInsyncReplicas() + " (min.insync.replicas); "
                    + brokers + " broker(s) registered");
        }
        checkReplicas(s, describe(admin, s, s.snapshotTopic()));
        Map<ConfigResource, Config> configs = untilKnown(s, s.topic(), () -> call(s, "reading the topics' settings",
                admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, s.topic()),
                        new ConfigResource(ConfigResource.Type.TOPIC, s.snapshotTopic()))).all()));
        for (Map.Entry<ConfigResource, Config> e : configs.entrySet()) {
            int isr = Integer.parseInt(e.getValue().get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value());
            if (isr < s.minInsyncReplicas()) {
                throw new StorageException("topic " + e.getKey().name() + " has min.insync.replicas=" + isr
                        + "; the settings require at least " + s.minInsyncReplicas());
            }
        }
        String stamp = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, s.topic()))
                .get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG).value();
        if (!"LogAppendTime".equals(stamp)) {
            throw new StorageException("topic " + s.topic() + " has message.timestamp.type=" + stamp
                    + "; the history needs LogAppendTime so timestamps never go back along the sequence");
        }
        return brokers;
    }

    private static void checkReplicas(KafkaSettings s, TopicDescription d) {
        int replicas = d.partitions().get(0).replicas().size();
        if (replicas < s.replicationFactor()) {
            throw new StorageException("topic " + d.name() + " has " + replicas + " replica(s); the settings require "
                    + s.replicationFactor());
        }
    }

    private static void createMissing(Admin admin, KafkaSettings s) {
        String isr = Integer.toString(s.minInsyncReplicas());
        NewTopic history = new NewTopic(s.topic(), 1, (short) s.replicationFactor()).configs(Map.of(
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, isr,
                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime",
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "false"));
        NewTopic snapshots = new NewTopic(s.snapshotTopic(), 1, (short) s.replicationFactor()).configs(Map.of(
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, isr,
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(s.snapshotMaxBytes() + (1 << 20)),
                TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "false"));
        Collection<String> existing = call(s, "listing topics", admin.listTopics().names());
        for (NewTopic t : List.of(history, snapshots)) {
            if (existing.contains(t.name())) {
                continue;
            }
            try {
                admin.createTopics(List.of(t)).all().get(s.timeoutMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new StorageException("cannot create topic " + t.name() + " with replication factor "
                            + s.replicationFactor() + ": " + KafkaErrors.reason(e), e);
                }
            } catch (java.util.concurrent.TimeoutException e) {
                throw new StorageException("creating topic " + t.name() + " got no answer within "
                        + s.timeoutMillis() + " ms from " + String.join(",", s.bootstrapServers()), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException("interrupted while creating topic " + t.name(), e);
            }
        }
    }

    private static TopicDescription describe(Admin admin, KafkaSettings s, String topic) {
        return untilKnown(s, topic, () -> call(s, "describing topic " + topic,
                admin.describeTopics(List.of(topic)).allTopicNames()).get(topic));
    }

    /** A topic just created may take a moment to reach every broker's metadata: asks again until the timeout. */
    private static <T> T untilKnown(KafkaSettings s, String topic, Supplier<T> ask) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(s.timeoutMillis());
        while (true) {
            try {
                return ask.get();
            } catch (StorageException e) {
                boolean unknown = e.getCause() instanceof ExecutionException x
                        && x.getCause() instanceof UnknownTopicOrPartitionException;
                if (!unknown) {
                    throw e;
                }
                if (System.nanoTime() > deadline) {
                    throw new StorageException("topic " + topic + " does not exist and was not created", e);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException("interrupted while describing topic " + topic, e);
            }
        }
    }

    private static <T> T call(KafkaSettings s, String what, org.apache.kafka.common.KafkaFuture<T> f) {
        try {
            return f.get(s.timeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw noAnswer(s, what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw noAnswer(s, what, e);
            }
            throw new StorageException(what + " failed: " + KafkaErrors.reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while " + what, e);
        }
    }

    private static StorageException noAnswer(KafkaSettings s, String what, Exception e) {
        return new StorageException("no Kafka broker at " + String.join(",", s.bootstrapServers())
                + " answered within " + s.timeoutMillis() + " ms (" + what + "): " + KafkaErrors.reason(e), e);
    }
}
