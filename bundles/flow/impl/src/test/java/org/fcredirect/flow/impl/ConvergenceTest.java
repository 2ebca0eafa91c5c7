package org.fcredirect.flow.impl;

import static org.fcredirect.flow.impl.Fabric.appliance;
import static org.fcredirect.flow.impl.Fabric.pooled;
import static org.fcredirect.flow.impl.Fabric.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fcredirect.flow.api.FlowFilter;
import org.fcredirect.flow.api.FlowFormat;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.ValidationException;
import org.fcredirect.flow.testkit.Await;
import org.fcredirect.storage.follow.GuardedOrder;
import org.fcredirect.storage.testkit.InMemoryEventLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two nodes, each its own flow store, on one log: they hold the same state whoever changes it. */
class ConvergenceTest {
    private final InMemoryEventLog log = new InMemoryEventLog();
    private final List<Fabric> nodes = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    private Fabric node(FlowSettings settings) {
        Fabric f = new Fabric(log, settings);
        nodes.add(f);
        return f;
    }

    private Fabric node() {
        return node(FlowSettings.DEFAULTS);
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        nodes.forEach(Fabric::close);
    }

    private static void awaitSame(Fabric a, Fabric b) {
        Await.until("both nodes to hold the same state", Duration.ofSeconds(20), () -> PersistenceTest.dump(a).equals(PersistenceTest.dump(b)),
                () -> "node 1:\n" + PersistenceTest.dump(a) + "\nnode 2:\n" + PersistenceTest.dump(b));
    }

    @Test
    void aFlowCreatedOnOneNodeIsOnTheOtherWithItsRules() {
        Fabric one = node();
        Fabric two = node();
        one.appliances.add(appliance("a1", "g", 1));
        FlowId id = one.flows.create(spec(1, 1).appliance("a1").build());
        two.loginHost(1);
        one.loginTarget(1);
        awaitSame(one, two);
        assertEquals("a1", two.flows.get(id).orElseThrow().appliance().orElseThrow());
        FlowId next = two.flows.create(spec(2, 1).build());
        assertEquals(id.value() + 1, next.value(), "ids come from the shared history");
        awaitSame(one, two);
    }

    @Test
    void aNodeSlowerToTheLogIsNotStarvedByABusyOne() throws Exception {
        Fabric busy = node();
        ScheduledExecutorService link = Executors.newSingleThreadScheduledExecutor();
        FlowStore store = new FlowStore(new SlowLink(log, link, 20), Clock.systemUTC(), FlowSettings.DEFAULTS);
        try {
            FlowManager slow = new FlowManager(store);
            AtomicBoolean done = new AtomicBoolean();
            Future<Integer> made = threads.submit(() -> {
                int n = 0;
                while (!done.get()) {
                    busy.flows.create(spec(1000 + n++, 1).build());
                }
                return n;
            });
            try {
                for (int i = 1; i <= 10; i++) {
                    // each try reaches the log 20 ms after it was decided, behind the busy node's newer changes
                    slow.create(spec(i, 2).build());
                }
            } finally {
                done.set(true);
            }
            assertTrue(made.get(30, TimeUnit.SECONDS) > 10, "the busy node kept storing changes meanwhile");
            assertEquals(10, slow.list(FlowFilter.all(), 0, 100_000).flows().stream()
                    .filter(f -> f.spec().target().equals(Fabric.target(2))).count());
        } finally {
            store.deactivate();
            link.shutdownNow();
        }
    }

    @Test
    void theSameFlowCreatedOnBothNodesAtOnceEndsAsOneFlowAndOneClearError() throws Exception {
        Fabric one = node();
        Fabric two = node();
        for (int round = 1; round <= 20; round++) {
            CyclicBarrier start = new CyclicBarrier(2);
            int host = round;
            Callable<Object> create1 = () -> create(start, one, host);
            Callable<Object> create2 = () -> create(start, two, host);
            Future<Object> r1 = threads.submit(create1);
            Future<Object> r2 = threads.submit(create2);
            List<Object> results = List.of(r1.get(10, TimeUnit.SECONDS), r2.get(10, TimeUnit.SECONDS));
            long created = results.stream().filter(FlowId.class::isInstance).count();
            assertEquals(1, created, "round " + round + ": " + results);
            String error = results.stream().filter(String.class::isInstance).map(String.class::cast).findFirst()
                    .orElseThrow();
            assertTrue(error.contains("exists already as flow"), error);
        }
        awaitSame(one, two);
        assertEquals(20, two.flows.count(FlowFilter.all()));
    }

    private static Object create(CyclicBarrier start, Fabric node, int host) throws Exception {
        start.await(10, TimeUnit.SECONDS);
        try {
            return node.flows.create(spec(host, 1).build());
        } catch (ValidationException e) {
            return e.getMessage();
        }
    }

    @Test
    void busyNodesConvergeAndEveryAcknowledgedChangeIsThere() throws Exception {
        Fabric one = node(Fabric.settings(50, true, org.fcredirect.flow.api.FailoverMode.STANDBY));
        Fabric two = node(Fabric.settings(50, true, org.fcredirect.flow.api.FailoverMode.STANDBY));
        one.appliances.add(pooled("p1", "g", 1, 64));
        two.appliances.add(pooled("p2", "g", 2, 64));
        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> deleted = new ConcurrentLinkedQueue<>();
        Future<?> a = threads.submit(() -> churn(one, 1, acknowledged, deleted));
        Future<?> b = threads.submit(() -> churn(two, 2, acknowledged, deleted));
        a.get(60, TimeUnit.SECONDS);
        b.get(60, TimeUnit.SECONDS);
        awaitSame(one, two);
        for (long id : acknowledged) {
            assertEquals(!deleted.contains(id), one.flows.get(FlowId.of(id)).isPresent(), "flow " + id);
        }
        GuardedOrder order = new GuardedOrder(0, 0, EventWriter.PART::equals);
        long lost = log.events(FlowStore.STREAM).stream().filter(e -> !order.admit(e).applies()).count();
        assertTrue(lost > 0, "the nodes' changes overtook each other: the test exercised the guards");
        Fabric restarted = node();
        awaitSame(one, restarted);
        two.restart();
        awaitSame(one, two);
    }

    /** Creates, imports, deletes, logins and appliance health flips, as one node's operators would. */
    private static void churn(Fabric node, int seed, ConcurrentLinkedQueue<Long> acknowledged,
            ConcurrentLinkedQueue<Long> deleted) {
        Random random = new Random(seed);
        for (int i = 0; i < 150; i++) {
            int host = random.nextInt(60) + 1;
            int target = random.nextInt(4) + 1;
            try {
                switch (random.nextInt(6)) {
                    case 0, 1 -> acknowledged.add(node.flows.create(spec(host, target).build()).value());
                    case 2 -> node.flows.importFlows(new StringReader("vsan,initiator,target\n10," + Fabric.host(host)
                            + "," + Fabric.target(target) + "\n"), FlowFormat.CSV);
                    case 3 -> {
                        long id = random.nextInt(200) + 1;
                        node.flows.delete(FlowId.of(id));
                        deleted.add(id);
                    }
                    case 4 -> node.loginHost(host);
                    default -> {
                        String name = random.nextBoolean() ? "p1" : "p2";
                        if (random.nextBoolean()) {
                            node.appliances.markUnhealthy(name, "test");
                        } else {
                            node.appliances.markHealthy(name);
                        }
                    }
                }
            } catch (ValidationException e) {
                // the other node's change came first: duplicate flow, flow already deleted
            }
        }
    }
}
