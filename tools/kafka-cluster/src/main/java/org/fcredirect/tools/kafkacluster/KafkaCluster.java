package org.fcredirect.tools.kafkacluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * A KRaft cluster of combined broker+controller JVM processes on 127.0.0.1, each with its own
 * free ports and directory, run from the Kafka jars Maven resolved for this module. Brokers
 * die with the JVM that started them, or, started detached, outlive it until stopped, so scripts
 * can start a cluster and leave it running.
 */
public final class KafkaCluster implements AutoCloseable {
    static final String CLASSPATH_RESOURCE = "/kafka-broker.classpath";

    private final Path directory;
    private final List<BrokerNode> nodes;

    private KafkaCluster(Path directory, List<BrokerNode> nodes) {
        this.directory = directory;
        this.nodes = nodes;
    }

    /**
     * Formats and starts {@code size} nodes under {@code directory} and waits until every one is a
     * registered broker. The nodes die with this JVM.
     *
     * @throws IllegalStateException when a node does not come up within {@code timeout}; its log
     *         file is named in the message, and every node started is killed
     */
    public static KafkaCluster start(Path directory, int size, Duration timeout) {
        return start(directory, size, timeout, true);
    }

    /** Like {@link #start}, but the nodes keep running after this JVM exits, until {@link KafkaClusterMain} stops them. */
    public static KafkaCluster startDetached(Path directory, int size, Duration timeout) {
        return start(directory, size, timeout, false);
    }

    private static KafkaCluster start(Path directory, int size, Duration timeout, boolean tied) {
        if (size < 1 || size > 9) {
            throw new IllegalArgumentException("a test cluster has 1 to 9 nodes, not " + size);
        }
        try {
            Files.createDirectories(directory);
            String classpath = brokerClasspath() + (tied ? java.io.File.pathSeparator + ownLocation() : "");
            int[] brokerPorts = freePorts(size);
            int[] controllerPorts = freePorts(size);
            String voters = voters(controllerPorts);
            String clusterId = newClusterId();
            List<BrokerNode> nodes = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                Path nodeDir = directory.resolve("node-" + (i + 1));
                nodes.add(new BrokerNode(i + 1, nodeDir, brokerPorts[i], controllerPorts[i], classpath, tied));
            }
            KafkaCluster cluster = new KafkaCluster(directory, nodes);
            try {
                for (BrokerNode n : nodes) {
                    n.writeProperties(voters, Math.min(size, 3));
                    n.format(clusterId, timeout);
                }
                for (BrokerNode n : nodes) {
                    n.start();
                }
                cluster.awaitBrokers(size, timeout);
                Files.writeString(directory.resolve("bootstrap"), cluster.bootstrapServers() + "\n");
                Files.writeString(directory.resolve("pids"), cluster.pids() + "\n");
            } catch (RuntimeException | IOException e) {
                cluster.kill();
                throw e;
            }
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up a Kafka cluster in " + directory, e);
        }
    }

    /** {@code host:port} of every broker, comma separated. */
    public String bootstrapServers() {
        return nodes.stream().map(BrokerNode::address).collect(Collectors.joining(","));
    }

    /** @param node 1 to {@link #size()} */
    public BrokerNode node(int node) {
        return nodes.get(node - 1);
    }

    /** Kills one node at once with SIGKILL, as a crash would. */
    public void kill(int node) {
        node(node).kill();
    }

    /**
     * Starts a killed or stopped node again on its ports and data, and waits until every running
     * node is a registered broker.
     */
    public void restart(int node, Duration timeout) {
        node(node).start();
        awaitBrokers((int) nodes.stream().filter(BrokerNode::isRunning).count(), timeout);
    }

    /** Stops every node: SIGTERM, then SIGKILL for any still running after a few seconds. */
    public void stop() {
        for (BrokerNode n : nodes) {
            n.terminate();
        }
        for (BrokerNode n : nodes) {
            n.awaitExitOrKill(Duration.ofSeconds(10));
        }
    }

    /** Kills every node with SIGKILL, signalling all before waiting for any (a JVM shutdown hook may be cut short). */
    public void kill() {
        for (BrokerNode n : nodes) {
            n.signalKill();
        }
        for (BrokerNode n : nodes) {
            n.kill();
        }
    }

    @Override
    public void close() {
        stop();
    }

    String pids() {
        return nodes.stream().map(n -> Long.toString(n.pid())).collect(Collectors.joining(" "));
    }

    private void awaitBrokers(int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "fcr-kafka-cluster-check");
        int seen = 0;
        try (Admin admin = Admin.create(p)) {
            while (System.nanoTime() < deadline) {
                for (BrokerNode n : nodes) {
                    n.checkAlive();
                }
                try {
                    seen = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes()
                            .get(4, TimeUnit.SECONDS).size();
                    if (seen >= expected) {
                        return;
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    seen = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the Kafka brokers", e);
                }
                sleep(200);
            }
        }
        throw new IllegalStateException(seen + " of " + expected + " Kafka brokers registered after " + timeout
                + "; logs in " + directory);
    }

    static String brokerClasspath() throws IOException {
        try (InputStream in = KafkaCluster.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build the kafka-cluster module with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    /** The jar (or classes directory) holding {@link TiedBroker}. */
    private static String ownLocation() {
        try {
            return Path.of(KafkaCluster.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the kafka-cluster classes", e);
        }
    }

    /** Ports free now; held open together so no two are the same. */
    static int[] freePorts(int count) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }

    static String voters(int[] controllerPorts) {
        List<String> v = new ArrayList<>();
        for (int i = 0; i < controllerPorts.length; i++) {
            v.add((i + 1) + "@127.0.0.1:" + controllerPorts[i]);
        }
        return String.join(",", v);
    }

    /**
     * A Kafka cluster id: 16 random bytes, base64url without padding, as {@code kafka-storage
     * random-uuid} makes. One in 64 starts with '-': it is passed as {@code --cluster-id=ID} so the
     * storage tool does not take it for an option.
     */
    static String newClusterId() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static Map<String, String> brokerSettings(int nodeId, int brokerPort, int controllerPort, String voters,
            Path logDir, int internalReplication) {
        String rf = Integer.toString(internalReplication);
        return Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", Integer.toString(nodeId)),
                Map.entry("controller.quorum.voters", voters),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("num.partitions", "1"),
                Map.entry("offsets.topic.replication.factor", rf),
                Map.entry("transaction.state.log.replication.factor", rf),
                Map.entry("transaction.state.log.min.isr", Integer.toString(Math.max(1, internalReplication - 1))),
                Map.entry("transaction.state.log.num.partitions", "4"),
                Map.entry("offsets.topic.num.partitions", "4"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "false"),
                // a killed node is fenced, and its partitions led elsewhere, within seconds
                Map.entry("broker.session.timeout.ms", "3000"),
                Map.entry("broker.heartbeat.interval.ms", "500"));
    }
}
