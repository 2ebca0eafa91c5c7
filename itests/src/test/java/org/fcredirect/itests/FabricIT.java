package org.fcredirect.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.fcredirect.fabric.api.Fabric;
import org.fcredirect.fabric.api.FabricNode;
import org.fcredirect.fabric.api.FabricView;
import org.fcredirect.fastpath.api.RewriteRule;
import org.fcredirect.fc.FcId;
import org.fcredirect.fc.RCtl;
import org.fcredirect.fc.capture.LinkTypes;
import org.fcredirect.fc.capture.PcapWriter;
import org.fcredirect.fc.capture.TimestampResolution;
import org.fcredirect.fc.fcp.FcpCmnd;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowService;
import org.fcredirect.monitor.api.HealthStatus;
import org.fcredirect.policy.api.Policy;
import org.fcredirect.policy.api.PolicyService;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * Two fc-redirect nodes on one Kafka history: this container (node-1) and a second Karaf of the
 * same assembly started as a process (node-2), on a real three-broker KRaft cluster. Operators on
 * both nodes change flows, policies and appliances at once while a broker is killed with SIGKILL
 * and started again; a node killed the same way catches up when it starts.
 */
public class FabricIT extends FcrTestSupport {
    private static final String PASSWORD = "fabric-admin";
    private static final int VSAN = 10;
    /** A history of its own: other IT classes of this run share the cluster. */
    private static final String TOPIC = "fabric-it";
    /**
     * Changes each node makes: 2 x 5000 are the 10 000 of issue 16 (about 40 a second on two nodes
     * of a 2-core machine, Kafka commits included); -Dfcr.it.fabric.changes=N for fewer or more.
     */
    private static final int CHANGES_PER_NODE = Integer.getInteger("fcr.it.fabric.changes", 5000);
    /** Steps of an operator's script: one SSH login each on node-2. */
    private static final int SCRIPT_STEPS = 20;
    /** Operators working at once on each node, each on its own flows, policies and appliances. */
    private static final int OPERATORS_PER_NODE = Integer.getInteger("fcr.it.fabric.operators", 2);
    private static final Pattern CREATED = Pattern.compile("flow (\\d+) created");
    /** How long a node may take to boot or catch up on this 2-core machine. */
    private static final long BOOT_MILLIS = 180_000;

    @Override
    protected Option[] extraOptions() {
        return new Option[] {
            editConfigurationFilePut("etc/org.fcredirect.storage.kafka.cfg", "bootstrapServers",
                    TestKafkaCluster.bootstrapServers()),
            editConfigurationFilePut("etc/org.fcredirect.storage.kafka.cfg", "nodeId", "node-1"),
            editConfigurationFilePut("etc/org.fcredirect.storage.kafka.cfg", "topic", TOPIC),
            systemProperty("fcr.it.kafka.dir").value(TestKafkaCluster.directory().toString()),
            systemProperty("fcr.it.assembly.zip").value(Path.of(System.getProperty("fcr.assembly.zip"))
                    .toAbsolutePath().toString()),
            systemProperty("fcr.it.fabric.changes").value(System.getProperty("fcr.it.fabric.changes", "5000")),
            systemProperty("fcr.it.fabric.operators").value(System.getProperty("fcr.it.fabric.operators", "2")),
        };
    }

    @Override
    protected String bootFeature() {
        return "fcr-fabric";
    }

    @Test
    public void twoNodesShareOneHistory() throws Exception {
        Path zip = Path.of(System.getProperty("fcr.it.assembly.zip"));
        Path folder = Files.createTempDirectory(Path.of(System.getProperty("fcr.it.kafka.dir")).getParent(),
                "fabric-node-2");
        KarafProcess node2 = KarafProcess.startFabricNode(zip, folder, PASSWORD, kafkaServers(), TOPIC, "node-2");
        ExecutorService threads = Executors.newFixedThreadPool(2 * OPERATORS_PER_NODE);
        try {
            RemoteShell shell2 = awaitShell(node2);
            try {
                sameFlowOnBothNodesAtOnceEndsAsOneFlow(shell2, threads);
                busyNodesAndABrokerKilledConverge(shell2, threads);
                eachNodeForwardsAFlowCreatedOnTheOther(shell2);
                bothNodesHealthyAndCaughtUpInTheFabricView(shell2);
            } finally {
                shell2.close();
            }
            node2.kill();
            aSilentNodeTurnsUnhealthyWithinItsTimeout();
            for (int i = 0; i < 100; i++) {
                execute(create(host(3, i), target(i % 16), ""));
            }
            node2 = node2.restart();
            RemoteShell restarted = awaitShell(node2);
            try {
                awaitSameFlows(restarted, "node-2 after SIGKILL and a restart");
            } finally {
                restarted.close();
            }
        } finally {
            threads.shutdownNow();
            node2.close();
        }
    }

    private static String kafkaServers() throws IOException {
        return Files.readString(Path.of(System.getProperty("fcr.it.kafka.dir")).resolve("bootstrap")).strip();
    }

    /** Node-2's shell once its boot features are all started and its flow manager answers. */
    private RemoteShell awaitShell(KarafProcess node) throws Exception {
        RemoteShell[] shell = {null};
        await("node-2's SSH shell and flow manager", BOOT_MILLIS, () -> {
            try {
                RemoteShell s = shell[0] != null ? shell[0] : RemoteShell.connect(node.sshPort(), "admin", PASSWORD);
                shell[0] = s;
                return s.run("feature:list -i").output().lines()
                        .anyMatch(l -> l.startsWith("fcr-fabric ") && l.contains("Started"))
                        && !s.run("fcr:flows -c").failed();
            } catch (IOException | RuntimeException e) {
                return false;
            }
        });
        return shell[0];
    }

    private void sameFlowOnBothNodesAtOnceEndsAsOneFlow(RemoteShell shell2, ExecutorService threads) throws Exception {
        for (int round = 0; round < 5; round++) {
            String command = create(host(9, round), target(1), "");
            CyclicBarrier start = new CyclicBarrier(2);
            Future<String> one = threads.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                try {
                    return execute(command);
                } catch (Exception e) {
                    return "error: " + e.getMessage();
                }
            });
            Future<RemoteShell.Result> two = threads.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return shell2.run(command);
            });
            String a = one.get(60, TimeUnit.SECONDS);
            RemoteShell.Result b = two.get(60, TimeUnit.SECONDS);
            boolean createdOn1 = CREATED.matcher(a).find();
            boolean createdOn2 = !b.failed();
            assertTrue("exactly one node created it: node-1 " + a + ", node-2 " + b, createdOn1 ^ createdOn2);
            String error = createdOn1 ? b.output() : a;
            assertTrue(error, error.contains("exists already as flow"));
        }
        awaitSameFlows(shell2, "the flows both nodes created at once");
    }

    /** What one node's operators changed, as acknowledged. */
    private static final class Acknowledged {
        final Set<Long> created = ConcurrentHashMap.newKeySet();
        final Set<Long> deleted = ConcurrentHashMap.newKeySet();
        final Set<String> policies = ConcurrentHashMap.newKeySet();
        final Set<String> appliances = ConcurrentHashMap.newKeySet();
        final List<String> refusals = new CopyOnWriteArrayList<>();
        /** What a refusal left open: the log may hold the change (a commit without an answer). */
        final Set<String> uncertain = ConcurrentHashMap.newKeySet();
    }

    /** One node's shell, as an operator's script uses it. */
    private interface Shell {
        /** @return what each command printed, and whether it was refused */
        List<RemoteShell.Result> runEach(List<String> commands) throws Exception;
    }

    /** A command of an operator's script, what it changes, and what its success means. */
    private record Step(String command, String subject, Consumer<String> acknowledged) {
    }

    private void busyNodesAndABrokerKilledConverge(RemoteShell shell2, ExecutorService threads) throws Exception {
        Acknowledged on1 = new Acknowledged();
        Acknowledged on2 = new Acknowledged();
        AtomicInteger progress = new AtomicInteger();
        Shell local = commands -> {
            List<RemoteShell.Result> results = new ArrayList<>();
            for (String command : commands) {
                try {
                    results.add(new RemoteShell.Result(execute(command), false));
                } catch (Exception e) {
                    results.add(new RemoteShell.Result(String.valueOf(e.getMessage()), true));
                }
            }
            return results;
        };
        // one SSH login per script rather than per command: a login costs more than most changes
        Shell remote = shell2::runEach;
        long started = System.nanoTime();
        List<Future<?>> operators = new ArrayList<>();
        for (int op = 0; op < OPERATORS_PER_NODE; op++) {
            int from = op * CHANGES_PER_NODE / OPERATORS_PER_NODE;
            int to = (op + 1) * CHANGES_PER_NODE / OPERATORS_PER_NODE;
            operators.add(threads.submit(churn(1, from, to, local, on1, progress)));
            operators.add(threads.submit(churn(2, from, to, remote, on2, progress)));
        }
        BooleanSupplier anyDone = () -> operators.stream().anyMatch(Future::isDone);
        BrokerProcess broker = new BrokerProcess(Path.of(System.getProperty("fcr.it.kafka.dir")).resolve("node-2"));
        long churnMillis = TimeUnit.MINUTES.toMillis(30);
        await("a third of the changes made", churnMillis,
                () -> progress.get() >= 2 * CHANGES_PER_NODE / 3 || anyDone.getAsBoolean());
        List<String> command = broker.kill();
        await("two thirds of the changes made", churnMillis,
                () -> progress.get() >= 4 * CHANGES_PER_NODE / 3 || anyDone.getAsBoolean());
        broker.restart(command);
        for (Future<?> operator : operators) {
            operator.get(30, TimeUnit.MINUTES);
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        System.out.printf("FabricIT: %d changes on two nodes in %d s, %d + %d refused%n", 2 * CHANGES_PER_NODE, seconds,
                on1.refusals.size(), on2.refusals.size());
        on1.refusals.forEach(r -> System.out.println("FabricIT: node-1 refused " + r));
        on2.refusals.forEach(r -> System.out.println("FabricIT: node-2 refused " + r));
        // each operator changes its own flows, policies and appliances: only appends during the broker's loss may
        // fail, and no node's changes starve behind the other's
        assertTrue("refused: " + on1.refusals + " " + on2.refusals,
                on1.refusals.size() + on2.refusals.size() <= 2 * CHANGES_PER_NODE / 100);
        assertTrue("starved: " + on1.refusals + " " + on2.refusals, Stream.concat(on1.refusals.stream(),
                on2.refusals.stream()).noneMatch(r -> r.contains("overtaken")));
        assertFalse(on1.appliances.isEmpty() || on2.appliances.isEmpty() || on1.policies.isEmpty()
                || on2.policies.isEmpty());
        Set<String> uncertain = new TreeSet<>(on1.uncertain);
        uncertain.addAll(on2.uncertain);

        String flows = awaitSameFlows(shell2, "both nodes' flows after the churn");
        FlowService service = service(FlowService.class);
        for (Acknowledged ack : List.of(on1, on2)) {
            for (long id : ack.created) {
                if (!uncertain.contains("flow " + id)) {
                    assertEquals("flow " + id, !ack.deleted.contains(id), service.get(FlowId.of(id)).isPresent());
                }
            }
        }
        assertFalse(flows.isEmpty());
        Set<String> policies = new TreeSet<>();
        service(PolicyService.class).list().stream().map(Policy::name).forEach(policies::add);
        Set<String> expected = new TreeSet<>(on1.policies);
        expected.addAll(on2.policies);
        policies.removeAll(uncertain);
        expected.removeAll(uncertain);
        assertEquals(expected, policies);
        awaitSameOutput(shell2, "fcr:policies", "decision cache");
        awaitSameOutput(shell2, "fcr:appliances", null);
        String appliances = execute("fcr:appliances");
        for (Acknowledged ack : List.of(on1, on2)) {
            for (String name : ack.appliances) {
                assertTrue(name + " in " + appliances, uncertain.contains(name) || appliances.contains(name));
            }
        }
    }

    /** Notes a refusal, and what it left open when the change may be in the log all the same. */
    private static void refused(Acknowledged ack, Step step, String why) {
        ack.refusals.add(step.command() + ": " + why.strip());
        if (why.contains("outcome is unknown") || why.contains("may or may not") || why.contains("applies when it does")) {
            ack.uncertain.add(step.subject());
        }
    }

    /**
     * One operator's changes {@code from} up to before {@code to} of the node's, run as scripts of
     * {@value #SCRIPT_STEPS} steps; the numbers name what it adds.
     */
    private static Callable<Void> churn(int node, int from, int to, Shell shell, Acknowledged ack,
            AtomicInteger progress) {
        return () -> {
            Owned owned = new Owned();
            for (int i = from; i < to;) {
                List<Step> script = new ArrayList<>();
                for (int end = Math.min(to, i + SCRIPT_STEPS); i < end; i++) {
                    progress.incrementAndGet();
                    Step step = owned.step(node, i, ack);
                    if (step != null) {
                        script.add(step);
                    }
                }
                List<RemoteShell.Result> results = shell.runEach(script.stream().map(Step::command).toList());
                for (int k = 0; k < script.size(); k++) {
                    if (results.get(k).failed()) {
                        refused(ack, script.get(k), results.get(k).output());
                    } else {
                        script.get(k).acknowledged().accept(results.get(k).output());
                    }
                }
            }
            return null;
        };
    }

    /** What one operator added and may change again: a script only changes what earlier scripts added. */
    private static final class Owned {
        final List<Long> flows = new ArrayList<>();
        final List<String> policies = new ArrayList<>();
        final List<String> appliances = new ArrayList<>();

        /** @return the operator's {@code i}-th step, or null when it has nothing of its own to change yet */
        Step step(int node, int i, Acknowledged ack) {
            switch (i % 20) {
                case 14, 15 -> {
                    if (flows.isEmpty()) {
                        return null;
                    }
                    long id = flows.remove(flows.size() / 2);
                    return new Step("fcr:flow-delete " + id, "flow " + id, out -> ack.deleted.add(id));
                }
                case 16 -> {
                    String name = "p" + node + "-" + i;
                    return new Step("fcr:policy-add -p " + (node * 10_000 + i) + " -v " + VSAN + " -t "
                            + target(i % 16) + " -a permit " + name, name, out -> {
                                policies.add(name);
                                ack.policies.add(name);
                            });
                }
                case 17 -> {
                    if (policies.size() < 3) {
                        return null;
                    }
                    String name = policies.remove(0);
                    return new Step("fcr:policy-remove " + name, name, out -> ack.policies.remove(name));
                }
                case 18 -> {
                    String name = "n" + node + "-" + i;
                    int first = 0x400000 + node * 0x10000 + (i / 20) * 0x100;
                    return new Step("fcr:appliance-add -g g" + node + " --pool 20/" + FcId.of(first) + "-"
                            + FcId.of(first + 0xff) + "/2f:00:00:11:0" + node + ":"
                            + String.format("%02x:%02x", (i / 20) >> 8, (i / 20) & 0xff) + ":00 " + name, name, out -> {
                                appliances.add(name);
                                ack.appliances.add(name);
                            });
                }
                case 19 -> {
                    if (appliances.size() < 3) {
                        return null;
                    }
                    String name = appliances.remove(0);
                    return new Step("fcr:appliance-remove " + name, name, out -> ack.appliances.remove(name));
                }
                default -> {
                    return new Step(create(host(node, i), target(i % 16), ""), "flow of " + host(node, i), out -> {
                        Matcher m = CREATED.matcher(out);
                        if (m.find()) {
                            long id = Long.parseLong(m.group(1));
                            flows.add(id);
                            ack.created.add(id);
                        }
                    });
                }
            }
        }
    }

    /**
     * Waits until the command prints the same on both nodes, but for lines starting with
     * {@code ownLine} (what is each node's own, like its decision cache); says how they differ when
     * they never do.
     */
    private void awaitSameOutput(RemoteShell shell2, String command, String ownLine) throws Exception {
        String[] last = {"", ""};
        try {
            await(command + " the same on both nodes", () -> {
                try {
                    last[0] = shared(execute(command), ownLine);
                    last[1] = shared(shell2.expect(command), ownLine);
                    return last[0].equals(last[1]);
                } catch (Exception e) {
                    return false;
                }
            });
        } catch (AssertionError timedOut) {
            assertEquals(command + " on node-1 and node-2", last[0], last[1]);
        }
    }

    private static String shared(String output, String ownLine) {
        return ownLine == null ? output
                : String.join("\n", output.lines().filter(l -> !l.startsWith(ownLine)).toList());
    }

    /** Both nodes' flow exports, once equal; returns node-1's. */
    private String awaitSameFlows(RemoteShell shell2, String what) throws Exception {
        String[] last = {"", ""};
        await(what + ": the same flow export on both nodes", BOOT_MILLIS, () -> {
            try {
                last[0] = execute("fcr:flow-export");
                last[1] = shell2.expect("fcr:flow-export");
                return last[0].equals(last[1]);
            } catch (Exception e) {
                return false;
            }
        });
        return last[0];
    }

    private void eachNodeForwardsAFlowCreatedOnTheOther(RemoteShell shell2) throws Exception {
        execute("fcr:appliance-add -g fwd --pool 10/0x3a0000-0x3a00ff/2f:00:00:11:22:3a:00:00 fwd");
        Map<Integer, String> hostOf = new TreeMap<>();
        for (int n = 1; n <= 2; n++) {
            String host = host(7, n);
            hostOf.put(n, host);
            execute("fcr:login " + VSAN + " " + host + " " + FcId.of(0x0b0100 + n));
        }
        execute("fcr:login " + VSAN + " " + target(15) + " " + FcId.of(0x0c0100));
        long onNode1 = flowId(execute(create(hostOf.get(1), target(15), " -a fwd")));
        long onNode2 = flowId(shell2.expect(create(hostOf.get(2), target(15), " -a fwd")));
        FlowService flows = service(FlowService.class);
        await("node-2's flow active on node-1", () -> flows.get(FlowId.of(onNode2)).map(f -> f.state().name())
                .orElse("").equals("ACTIVE"));
        Path dir = Files.createTempDirectory("fabric-replay");
        Path in = dir.resolve("read.pcap");
        try (PcapWriter w = PcapWriter.create(in, LinkTypes.FC_2, TimestampResolution.NANOSECONDS)) {
            byte[] cmnd = FcpCmnd.builder().lunNumber(0).readData(true).dataLength(512)
                    .cdb(new byte[] {0x28, 0, 0, 0, 0, 0, 0, 0, 1, 0}).build().encode();
            w.write(Instant.now(), FcpCaptures.fcp(RCtl.FCP_CMND, 0x0b0101, 0x0c0100, 0x11, false, cmnd));
            w.write(Instant.now(), FcpCaptures.fcp(RCtl.FCP_CMND, 0x0b0102, 0x0c0100, 0x12, false, cmnd));
        }
        int vt1 = virtualTarget(flows.rules(FlowId.of(onNode1)), 0x0b0101);
        int vt2 = virtualTarget(flows.rules(FlowId.of(onNode2)), 0x0b0102);
        List<String> expected = List.of(FcpCaptures.addresses(vt1, 0x0b0101), FcpCaptures.addresses(vt2, 0x0b0102));
        Path out1 = dir.resolve("node-1.pcap");
        execute("fcr:replay --vsan " + VSAN + " --out " + out1 + " " + in);
        assertEquals("node-1's fast path redirects both flows", expected, FcpCaptures.tsharkFcp(out1));
        Path out2 = dir.resolve("node-2.pcap");
        shell2.expect("fcr:replay --vsan " + VSAN + " --out " + out2 + " " + in);
        assertEquals("node-2's fast path redirects both flows", expected, FcpCaptures.tsharkFcp(out2));
    }

    private void bothNodesHealthyAndCaughtUpInTheFabricView(RemoteShell shell2) throws Exception {
        Fabric fabric = service(Fabric.class);
        FabricView[] last = {null};
        try {
            await("fcr:fabric: both nodes healthy, node-2 caught up with the log", () -> {
                FabricView v = fabric.view();
                last[0] = v;
                return v.nodes().size() == 2 && v.nodes().stream().allMatch(n -> n.status() == HealthStatus.HEALTHY)
                        && node(v, "node-2").lag() == 0 && node(v, "node-2").appliedSequence() > 0;
            });
        } catch (AssertionError timedOut) {
            throw new AssertionError(timedOut.getMessage() + "; the view: " + last[0].nodes(), timedOut);
        }
        String shown = shell2.expect("fcr:fabric");
        assertTrue(shown, shown.contains("node-1") && shown.contains("node-2 *") && shown.contains("all healthy"));
    }

    /** Node-2 was killed: node-1 says so within node-2's heartbeat interval x missed heartbeats. */
    private void aSilentNodeTurnsUnhealthyWithinItsTimeout() throws Exception {
        Fabric fabric = service(Fabric.class);
        long killed = System.nanoTime();
        Duration timeout = node(fabric.view(), "node-2").timeout();
        await("node-2 unhealthy in node-1's fabric view", () -> node(fabric.view(), "node-2").status()
                == HealthStatus.UNHEALTHY);
        Duration took = Duration.ofNanos(System.nanoTime() - killed);
        assertTrue("unhealthy after " + took + ", timeout " + timeout, took.compareTo(timeout.plusSeconds(1)) <= 0);
        assertTrue(execute("fcr:fabric"), execute("fcr:fabric").contains("1 UNHEALTHY"));
    }

    private static FabricNode node(FabricView view, String id) {
        return view.nodes().stream().filter(n -> n.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not in the fabric view: " + view.nodes()));
    }

    private static int virtualTarget(List<RewriteRule> rules, int initiator) {
        return rules.stream().filter(r -> r.matchSid() == initiator && r.matchDid() == 0x0c0100).findFirst()
                .orElseThrow(() -> new AssertionError("no rule for " + FcId.of(initiator) + " in " + rules)).newDid();
    }

    private static long flowId(String created) {
        Matcher m = CREATED.matcher(created);
        assertTrue(created, m.find());
        return Long.parseLong(m.group(1));
    }

    private static String create(String host, String target, String options) {
        return "fcr:flow-create -v " + VSAN + " -i " + host + " -t " + target + options;
    }

    private static String host(int node, int n) {
        return String.format("20:00:00:25:b5:%02x:%02x:%02x", node, (n >> 8) & 0xff, n & 0xff);
    }

    private static String target(int n) {
        return String.format("50:06:01:60:00:00:00:%02x", n);
    }
}
