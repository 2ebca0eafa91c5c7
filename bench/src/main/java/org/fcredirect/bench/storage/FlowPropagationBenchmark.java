package org.fcredirect.bench.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.ApplianceSpec;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowSpec;
import org.fcredirect.flow.api.PortLogin;
import org.fcredirect.flow.api.PortPool;
import org.fcredirect.flow.impl.FlowBenchBridge;
import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.kafka.KafkaBenchBridge;
import org.fcredirect.storage.testkit.InMemoryEventLog;
import org.fcredirect.tools.kafkacluster.KafkaCluster;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Latency from a flow created on node 1 to its rules in node 2's fast path: two nodes in one JVM,
 * each its own event log and flow store, sharing one history. One operation is one
 * {@code create} on node 1 of a flow redirected through appliance a1 (a pool of 65 536 virtual
 * ports; host and target logged in during setup, so the flow is active with four rules), then the
 * wait until node 2's rule sink got the batch carrying that flow's rules.
 *
 * <p>{@code backend=kafka}: each node its own Kafka event log (its own node id, one topic fresh
 * for the trial) on a three-broker KRaft cluster of this machine started for the trial
 * (replication 3, min.insync.replicas 2, acks=all, transactions). {@code backend=memory}, the
 * baseline in the same run: both flow stores on one in-memory log, so what is left is the flow
 * stores and their followers alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FlowPropagationBenchmark {
    private static final VsanId VSAN = VsanId.of(10);
    private static final int HOSTS = 1000;
    private static final int TARGETS = 1000;
    private static final Duration CLUSTER_START = Duration.ofSeconds(180);
    private static final long ARRIVAL_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    @Param({"kafka", "memory"})
    public String backend;

    private Path dir;
    private KafkaCluster cluster;
    private final List<EventLog> logs = new ArrayList<>();
    private final List<FlowBenchBridge> nodes = new ArrayList<>();
    private FlowBenchBridge node1;
    private final RuleArrivals node2FastPath = new RuleArrivals();
    private long next;

    @Setup(Level.Trial)
    public void start() {
        EventLog log1;
        EventLog log2;
        switch (backend) {
            case "memory":
                log1 = new InMemoryEventLog();
                log2 = log1;
                break;
            case "kafka":
                dir = BenchDirs.create("propagation-kafka-");
                cluster = KafkaCluster.start(dir.resolve("kafka"), 3, CLUSTER_START);
                String topic = "bench.propagation." + System.currentTimeMillis();
                log1 = openKafka("node-1", topic);
                log2 = openKafka("node-2", topic);
                break;
            default:
                throw new IllegalArgumentException("backend '" + backend + "': kafka or memory");
        }
        node1 = node(log1);
        // node 1's own fast path takes its rules too, as on a real node; only node 2's arrivals are timed
        node1.bindRuleSink(batch -> { });
        node(log2).bindRuleSink(node2FastPath);
        node1.appliances().add(ApplianceSpec.builder("a1").group("enc").pool(new PortPool(VSAN, FcId.of(0x0b0000),
                FcId.of(0x0bffff), Wwn.of(0x5000_5300_0000_0000L))).build());
        List<PortLogin> logins = new ArrayList<>(HOSTS + TARGETS);
        for (int i = 0; i < HOSTS; i++) {
            logins.add(new PortLogin(VSAN, host(i), FcId.of(0x010000 + i)));
        }
        for (int i = 0; i < TARGETS; i++) {
            logins.add(new PortLogin(VSAN, target(i), FcId.of(0x020000 + i)));
        }
        node1.logins().loginAll(logins);
        // node 2 applies the appliance and the logins before the first flow's rules: once these arrived, all did
        createOnNode1ToRulesOnNode2();
    }

    private EventLog openKafka(String nodeId, String topic) {
        EventLog log = KafkaBenchBridge.open(cluster.bootstrapServers(), nodeId, topic);
        logs.add(log);
        try {
            // the first append waits for the connection and the topics: not part of any measurement
            log.append("warmup", "first", new byte[1]).get(5, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("the Kafka log of " + nodeId + " did not open", e);
        }
        return log;
    }

    private FlowBenchBridge node(EventLog log) {
        FlowBenchBridge node = new FlowBenchBridge(log);
        nodes.add(node);
        return node;
    }

    @TearDown(Level.Trial)
    public void stop() {
        nodes.forEach(FlowBenchBridge::close);
        logs.forEach(KafkaBenchBridge::close);
        if (cluster != null) {
            cluster.close();
            BenchDirs.delete(dir);
        }
    }

    @Benchmark
    @Threads(1)
    public long createOnNode1ToRulesOnNode2() {
        long n = next++;
        if (n >= (long) HOSTS * TARGETS) {
            throw new IllegalStateException("every host-target pair has its flow: run shorter iterations");
        }
        FlowId id = node1.flows().create(FlowSpec.builder().vsan(VSAN).initiator(host(n / TARGETS))
                .target(target(n % TARGETS)).appliance("a1").build());
        return node2FastPath.await(id.value(), ARRIVAL_TIMEOUT_NANOS);
    }

    private static Wwn host(long n) {
        return Wwn.of(0x2000_0025_b500_0000L + n);
    }

    private static Wwn target(long n) {
        return Wwn.of(0x5006_0160_0000_0000L + n);
    }
}
