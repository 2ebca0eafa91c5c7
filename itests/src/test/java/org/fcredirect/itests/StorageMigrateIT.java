package org.fcredirect.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.file.Path;
import java.util.List;

import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.StorageStatus;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;

/**
 * Moving a node from the file log to the fabric, as the README tells an operator: a node on the
 * file log (fcr) makes flows and a policy; its services and file log stop, the Kafka event log (of
 * a real three-broker KRaft cluster) takes the file log's place, {@code fcr:storage-migrate} copies
 * the stopped file log into the empty history, and the services started on Kafka rebuild the same
 * flows and policies. A second migration is refused.
 */
public class StorageMigrateIT extends FcrTestSupport {
    private static final String KAFKA_PID = "org.fcredirect.storage.kafka";
    private static final String FILE_LOG = "org.fcredirect.storage-impl";
    private static final String KAFKA_LOG = "org.fcredirect.storage-kafka";

    @Override
    protected Option[] extraOptions() {
        return new Option[] {
            editConfigurationFilePut("etc/" + KAFKA_PID + ".cfg", "bootstrapServers", TestKafkaCluster.bootstrapServers()),
            editConfigurationFilePut("etc/" + KAFKA_PID + ".cfg", "nodeId", "it-migrate"),
            // a history of its own: other ITs of the run share the cluster
            editConfigurationFilePut("etc/" + KAFKA_PID + ".cfg", "topic", "fcr.migrate-it"),
        };
    }

    @Test
    public void aFileLogMovesIntoAnEmptyKafkaHistoryOnce() throws Exception {
        execute("fcr:login 10 20:00:00:25:b5:0a:00:51 0x0a5100");
        execute("fcr:login 10 20:00:00:25:b5:0a:00:52 0x0a5200");
        execute("fcr:login 10 50:06:01:60:3b:a0:00:51 0x0a5300");
        execute("fcr:appliance-add --group crypt --pool 10/0x0b5100-0x0b51ff/2f:00:00:11:22:33:51:00 crypt-51");
        execute("fcr:policy-add --priority 100 --vsan 10 --target 50:06:01:60:* --action redirect --group crypt"
                + " --balancing target-affinity --failover block encrypt-array");
        execute("fcr:flow-create --vsan 10 --initiator 20:00:00:25:b5:0a:00:51 --target 50:06:01:60:3b:a0:00:51");
        execute("fcr:flow-create --vsan 10 --initiator 20:00:00:25:b5:0a:00:52 --target 50:06:01:60:3b:a0:00:51");
        String flows = execute("fcr:flow-export");
        String policies = execute("fcr:policies");
        assertTrue(flows, flows.contains("20:00:00:25:b5:0a:00:52"));
        Path eventlog = Path.of(System.getProperty("karaf.data"), "fcr", "eventlog").toAbsolutePath();

        // as the README's migration boot: the event log and the commands only, no service that writes
        // (the monitor records health changes and probes on its own); the file log stops last, and the
        // Kafka event log takes its place
        List<Bundle> services = fcrBundles().stream()
                .filter(b -> b.getSymbolicName().endsWith("-impl") && !b.getSymbolicName().equals(FILE_LOG)).toList();
        for (Bundle b : services) {
            b.stop();
        }
        bundle(FILE_LOG).stop();
        Bundle kafka = bundleContext.installBundle("mvn:org.fcredirect/storage-kafka/" + PROJECT_VERSION);
        kafka.start();
        await("the empty Kafka history connected", () -> {
            try {
                StorageStatus s = service(EventLog.class).status();
                return "kafka".equals(s.backend()) && "true".equals(s.details().get("connected"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        assertEquals(0, service(EventLog.class).lastSequence());

        assertRejected("fcr:storage-migrate data/fcr/eventlog", "must be an absolute path");
        assertRejected("fcr:storage-migrate " + eventlog.resolve("missing"), "not a directory");
        assertRejected("fcr:storage-migrate " + eventlog.getParent(), "holds no *.seg segment");
        String out = execute("fcr:storage-migrate " + eventlog);
        assertTrue(out, out.contains("copying the file log in " + eventlog));
        assertTrue(out, out.lines().anyMatch(l -> l.startsWith("Migrated: copied ") && l.contains(" ms ")));

        // the services start on the history and rebuild from it
        for (Bundle b : services) {
            b.start();
        }
        await("the flows rebuilt from Kafka", () -> {
            try {
                return flows.equals(execute("fcr:flow-export"));
            } catch (Exception e) {
                return false;
            }
        });
        assertEquals(policies, execute("fcr:policies"));
        assertTrue(execute("fcr:storage"), execute("fcr:storage").contains("| kafka"));

        assertRejected("fcr:storage-migrate " + eventlog, "is not empty");
        assertEquals(flows, execute("fcr:flow-export"));
    }
}
