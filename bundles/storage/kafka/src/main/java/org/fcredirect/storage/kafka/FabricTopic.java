package org.fcredirect.storage.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.fcredirect.storage.api.StorageException;

/**
 * The heartbeat topic {@code <topic>.fabric}, created when missing. Not the history: the services
 * replay the history from its start on every node, forever, so heartbeats there (every node,
 * every interval) would grow every replay without end and spend sequence numbers the lag is
 * counted in. Here they are keyed by node id and compacted, so a node joining reads each node's
 * newest heartbeat at once instead of waiting an interval; a node silent for a day is deleted
 * (compact,delete with a day's retention) and drops out of every view. One partition keeps each
 * node's heartbeats in order. {@code min.insync.replicas} is 1: a heartbeat is worth sending
 * while the history refuses writes, which is exactly when operators look at the fabric.
 */
final class FabricTopic {
    static final long RETENTION_MS = 24L * 3600 * 1000;
    static final long SEGMENT_MS = 3600L * 1000;

    private FabricTopic() {
    }

    static void ensure(Admin admin, KafkaSettings s) {
        String name = s.fabricTopic();
        try {
            if (admin.listTopics().names().get(s.timeoutMillis(), TimeUnit.MILLISECONDS).contains(name)) {
                return;
            }
            NewTopic topic = new NewTopic(name, 1, (short) s.replicationFactor()).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, Long.toString(RETENTION_MS),
                    TopicConfig.SEGMENT_MS_CONFIG, Long.toString(SEGMENT_MS),
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1"));
            admin.createTopics(List.of(topic)).all().get(s.timeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new StorageException("cannot create the heartbeat topic " + name + ": " + KafkaErrors.reason(e), e);
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new StorageException("no Kafka broker at " + String.join(",", s.bootstrapServers()) + " answered within "
                    + s.timeoutMillis() + " ms (heartbeat topic " + name + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while creating the heartbeat topic " + name, e);
        }
    }
}
