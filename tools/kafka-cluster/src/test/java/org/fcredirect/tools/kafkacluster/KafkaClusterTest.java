package org.fcredirect.tools.kafkacluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClusterTest {

    @TempDir
    Path dir;

    @Test
    void threeNodesStartSurviveAKilledNodeAndStop() throws Exception {
        try (KafkaCluster cluster = KafkaCluster.start(dir, 3, Duration.ofSeconds(90))) {
            assertEquals(3, cluster.bootstrapServers().split(",").length);
            assertEquals(cluster.bootstrapServers(), Files.readString(dir.resolve("bootstrap")).strip());
            Properties p = new Properties();
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
            try (Admin admin = Admin.create(p)) {
                admin.createTopics(List.of(new NewTopic("replicated", 1, (short) 3))).all().get(30, TimeUnit.SECONDS);
                cluster.kill(2);
                assertFalse(cluster.node(2).isRunning());
                awaitRegisteredBrokers(admin, 2);
                cluster.restart(2, Duration.ofSeconds(60));
                assertTrue(cluster.node(2).isRunning());
                assertEquals(3, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
            }
            // each broker logs, with times: its start, and for the restarted one both starts
            for (int node = 1; node <= 3; node++) {
                String log = Files.readString(dir.resolve("node-" + node).resolve("broker.log"));
                assertTrue(log.lines().anyMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT.* INFO .*Kafka Server started")),
                        "node " + node + " logged no start");
            }
            assertEquals(2, Files.readString(dir.resolve("node-2").resolve("broker.log")).lines()
                    .filter(l -> l.contains("Kafka Server started")).count());
        }
    }

    /** A killed broker stays registered until its session times out (broker.session.timeout.ms). */
    private static void awaitRegisteredBrokers(Admin admin, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int seen;
        do {
            seen = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
            if (seen == expected) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        } while (System.nanoTime() < deadline);
        assertEquals(expected, seen);
    }

    @Test
    void refusesSizesOutsideOneToNine() {
        assertThrows(IllegalArgumentException.class, () -> KafkaCluster.start(dir, 0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> KafkaCluster.start(dir, 10, Duration.ofSeconds(1)));
    }

    @Test
    void theMainRefusesWhatItDoesNotKnow() {
        for (String[] args : new String[][] {{}, {"start"}, {"restart", "x"}, {"stop"}, {"start", "x", "3", "4"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KafkaClusterMain.run(args));
            assertEquals(KafkaClusterMain.USAGE, e.getMessage());
        }
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> KafkaClusterMain.run(new String[] {"start", dir.toString(), "three"}));
        assertTrue(notANumber.getMessage().startsWith("cluster size 'three' is not a number"));
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> KafkaClusterMain.run(new String[] {"stop", dir.toString()}));
        assertTrue(none.getMessage().startsWith("no cluster in "), none.getMessage());
    }

    @Test
    void clusterIdsAreTwentyTwoCharactersOfBase64Url() {
        String id = KafkaCluster.newClusterId();
        assertTrue(id.matches("[A-Za-z0-9_-]{22}"), id);
    }
}
