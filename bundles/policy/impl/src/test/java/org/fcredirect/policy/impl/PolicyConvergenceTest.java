package org.fcredirect.policy.impl;

import static org.fcredirect.policy.impl.Policies.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.fcredirect.flow.api.ValidationException;
import org.fcredirect.flow.testkit.Await;
import org.fcredirect.flow.testkit.FakeInventory;
import org.fcredirect.policy.api.PolicyEvent;
import org.fcredirect.storage.testkit.InMemoryEventLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two policy engines on one log, as on two nodes of a fabric. */
class PolicyConvergenceTest {
    private final InMemoryEventLog log = new InMemoryEventLog();
    private final List<PolicyManager> engines = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    private PolicyManager engine() {
        PolicyManager e = new PolicyManager(log, new FakeInventory(), PolicySettings.DEFAULTS);
        engines.add(e);
        return e;
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        engines.forEach(PolicyManager::deactivate);
    }

    @Test
    void aPolicyAddedOnOneNodeIsInEffectOnTheOtherAndItsListenersHear() {
        PolicyManager one = engine();
        PolicyManager two = engine();
        List<PolicyEvent> heard = new CopyOnWriteArrayList<>();
        two.addListener(heard::add);
        one.add(policy("name=a action=drop"));
        Await.until("node 2 to apply node 1's policy", () -> two.get("a").isPresent());
        Await.until("node 2's listeners to hear of it", () -> heard.size() == 1);
        assertEquals(PolicyEvent.Type.ADDED, heard.get(0).type());
        two.remove("a");
        Await.until("node 1 to apply node 2's removal", () -> one.get("a").isEmpty());
        assertEquals(one.appliedSequence(), two.appliedSequence());
    }

    @Test
    void conflictingPoliciesAddedOnBothNodesAtOnceEndAsOneAndOneClearError() throws Exception {
        PolicyManager one = engine();
        PolicyManager two = engine();
        for (int round = 1; round <= 20; round++) {
            CyclicBarrier start = new CyclicBarrier(2);
            String match = " priority=" + round + " vsan=10";
            String first = "name=one-" + round + " action=drop" + match;
            String second = "name=two-" + round + " action=permit" + match;
            Future<String> a = threads.submit(() -> add(start, one, first));
            Future<String> b = threads.submit(() -> add(start, two, second));
            List<String> results = List.of(a.get(10, TimeUnit.SECONDS), b.get(10, TimeUnit.SECONDS));
            assertEquals(1, results.stream().filter("added"::equals).count(), results.toString());
            String error = results.stream().filter(r -> !r.equals("added")).findFirst().orElseThrow();
            assertTrue(error.contains("conflicts with policy"), error);
        }
        Await.until("both nodes to hold the same policies", Duration.ofSeconds(10),
                () -> one.list().equals(two.list()) && one.list().size() == 20);
        PolicyManager restarted = engine();
        assertEquals(one.list(), restarted.list());
    }

    private static String add(CyclicBarrier start, PolicyManager engine, String text) throws Exception {
        start.await(10, TimeUnit.SECONDS);
        try {
            engine.add(policy(text));
            return "added";
        } catch (ValidationException e) {
            return e.getMessage();
        }
    }
}
