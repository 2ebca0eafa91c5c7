package org.fcredirect.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import javax.inject.Inject;

import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.StorageStatus;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.api.StreamFilter;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A node booted with fcr-fabric: the event log on a real three-broker KRaft cluster (separate JVM
 * processes on loopback ports), instead of the file log.
 */
public class KafkaStorageIT extends FcrTestSupport {
    private static final String PID = "org.fcredirect.storage.kafka";
    private static final String BUNDLE = "org.fcredirect.storage-kafka";

    @Inject
    ConfigurationAdmin configurationAdmin;

    @Override
    protected Option[] extraOptions() {
        String servers = TestKafkaCluster.bootstrapServers();
        return new Option[] {
            editConfigurationFilePut("etc/" + PID + ".cfg", "bootstrapServers", servers),
            editConfigurationFilePut("etc/" + PID + ".cfg", "nodeId", "it-node"),
        };
    }

    @Override
    protected String bootFeature() {
        return "fcr-fabric";
    }

    @Test
    public void theEventLogIsTheKafkaHistory() throws Exception {
        StorageStatus s = service(EventLog.class).status();
        assertEquals("kafka", s.backend());
        assertEquals("it-node", s.details().get("nodeId"));
        for (Bundle b : bundleContext.getBundles()) {
            assertFalse("the file log is not installed beside it", b.getSymbolicName().equals("org.fcredirect.storage-impl"));
        }
        String table = execute("fcr:storage");
        assertTrue(table, table.contains("| kafka") && table.contains("| replicated") && table.contains("commit latency"));
        await("connected", () -> "true".equals(service0().status().details().get("connected")));
        assertTrue(execute("fcr:storage"), execute("fcr:storage").contains("connected             | true"));
    }

    @Test
    public void anOperatorsChangeIsAnEventInKafka() throws Exception {
        EventLog log = service(EventLog.class);
        long before = log.lastSequence();
        execute("fcr:login 10 20:00:00:25:b5:0a:00:41 0x0a4100");
        List<StoredEvent> events = log.read(StreamFilter.of("flow"), before + 1, 100).events();
        assertFalse("the login's event, after sequence " + before, events.isEmpty());
        assertTrue(execute("fcr:logins"), execute("fcr:logins").contains("20:00:00:25:b5:0a:00:41"));
    }

    @Test
    public void stoppingTheBundleLeavesNoKafkaThread() throws Exception {
        Bundle bundle = storageBundle();
        await("the writer running", () -> !kafkaThreads().isEmpty());
        bundle.stop();
        try {
            assertEquals(List.of(), kafkaThreads());
        } finally {
            bundle.start();
        }
        await("the event log back", () -> bundleContext.getServiceReference(EventLog.class) != null);
        await("the storage check healthy again", () -> health("storage").healthy());
    }

    @Test
    public void unreachableBrokersGiveOneClearLineEverywhere() throws Exception {
        Configuration c = configurationAdmin.getConfiguration(PID, null);
        Dictionary<String, Object> saved = c.getProperties();
        Dictionary<String, Object> broken = new Hashtable<>();
        for (String key : List.of("nodeId", "topic", "replicationFactor", "minInsyncReplicas")) {
            if (saved.get(key) != null) {
                broken.put(key, saved.get(key));
            }
        }
        broken.put("bootstrapServers", "127.0.0.1:1");
        broken.put("timeoutMillis", "1000");
        c.update(broken);
        try {
            await("faulted", () -> service0().status().lastError().orElse("").contains("no Kafka broker at 127.0.0.1:1"));
            String table = execute("fcr:storage");
            assertTrue(table, table.contains("FAULTED") && table.contains("no Kafka broker at 127.0.0.1:1 answered within 1000 ms"));
            await("the storage check unhealthy", () -> !health("storage").healthy()
                    && health("storage").message().contains("127.0.0.1:1"));
            assertRejected("fcr:login 10 20:00:00:25:b5:0a:00:42 0x0a4200", "Kafka history not available: no Kafka broker at 127.0.0.1:1");
            assertFalse(execute("fcr:logins"), execute("fcr:logins").contains("20:00:00:25:b5:0a:00:42"));
        } finally {
            c.update(saved);
        }
        await("reconnected", () -> "true".equals(service0().status().details().get("connected")));
    }

    private EventLog service0() {
        try {
            return service(EventLog.class);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private Bundle storageBundle() {
        for (Bundle b : bundleContext.getBundles()) {
            if (BUNDLE.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + BUNDLE);
    }

    private static List<String> kafkaThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("kafka-") || n.startsWith("fcr-kafka-")).sorted().toList();
    }
}
