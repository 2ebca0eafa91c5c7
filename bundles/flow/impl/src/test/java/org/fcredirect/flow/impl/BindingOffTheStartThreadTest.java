package org.fcredirect.flow.impl;

import static org.fcredirect.flow.impl.Fabric.VSAN;
import static org.fcredirect.flow.impl.Fabric.appliance;
import static org.fcredirect.flow.impl.Fabric.host;
import static org.fcredirect.flow.impl.Fabric.hostFcid;
import static org.fcredirect.flow.impl.Fabric.spec;
import static org.fcredirect.flow.impl.Fabric.target;
import static org.fcredirect.flow.impl.Fabric.targetFcid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.fcredirect.fastpath.api.RuleSink;
import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.flow.testkit.Await;
import org.fcredirect.flow.testkit.FakePolicy;
import org.fcredirect.storage.testkit.InMemoryEventLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rule sink or policy engine bound while the container starts is taken up on the binder's own
 * thread: the binding thread goes on, the flow service answers meanwhile, and no later change is
 * lost or overtakes the full table.
 */
class BindingOffTheStartThreadTest {
    private final ExecutorService binder = Executors.newSingleThreadExecutor();
    private final FlowStore store = new FlowStore(new InMemoryEventLog(), new Fabric.TickingClock(), FlowSettings.DEFAULTS,
            binder);
    private final FlowManager flows = new FlowManager(store);
    private final LoginManager logins = new LoginManager(store);
    private final InventoryManager appliances = new InventoryManager(store);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch holding = new CountDownLatch(1);
    /** Holds its first batch (the full table's reset) until released, as a slow fast path would. */
    private final RecordingSink recorded = new RecordingSink();
    private final RuleSink sink = batch -> {
        if (batch.reset() && holding.getCount() > 0) {
            holding.countDown();
            await(release);
        }
        recorded.apply(batch);
    };

    @AfterEach
    void close() {
        release.countDown();
        store.deactivate();
        binder.shutdownNow();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "released in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private FlowId activeFlow(int host) {
        FlowId id = flows.create(spec(host, 1).appliance("enc1").failover(FailoverMode.BLOCK).build());
        logins.login(VSAN, host(host), hostFcid(host));
        return id;
    }

    @Test
    void theFlowServiceAnswersWhileTheFullTableIsSentAndLaterChangesFollowIt() throws Exception {
        appliances.add(appliance("enc1", "g", 1));
        logins.login(VSAN, target(1), targetFcid(1));
        FlowId first = activeFlow(1);

        flows.bindRuleSink(sink);
        await(holding);
        assertEquals(1L, flows.countByState().get(FlowState.ACTIVE), "reads answer meanwhile");
        CompletableFuture<FlowId> later = CompletableFuture.supplyAsync(() -> activeFlow(2));
        assertFalse(later.isDone(), "a change waits for the full table");
        release.countDown();
        FlowId second = later.get(10, TimeUnit.SECONDS);

        assertTrue(recorded.batches.get(0).reset(), "the full table comes first");
        assertEquals(flows.rules(first), recorded.rulesOf(first.value()));
        Await.until("the later flow's rules follow", () -> recorded.rulesOf(second.value()).equals(flows.rules(second)));
        for (int i = 1; i < recorded.batches.size(); i++) {
            assertEquals(recorded.batches.get(i - 1).generation() + 1, recorded.batches.get(i).generation());
        }
    }

    @Test
    void aSinkUnboundBeforeItsTurnIsNotBound() {
        appliances.add(appliance("enc1", "g", 1));
        logins.login(VSAN, target(1), targetFcid(1));
        RecordingSink other = new RecordingSink();
        flows.bindRuleSink(sink);
        await(holding);
        flows.bindRuleSink(other);
        flows.unbindRuleSink(other);
        release.countDown();
        FlowId id = activeFlow(1);

        Await.until("the first sink has the new flow", () -> recorded.rulesOf(id.value()).equals(flows.rules(id)));
        assertTrue(other.batches.isEmpty(), "the sink that went away got nothing");
    }

    @Test
    void anEngineIsFollowedOnTheBindersThreadAndAGoneOneIsNot() {
        logins.login(VSAN, target(1), targetFcid(1));
        FlowId id = activeFlowDecidedByPolicy();
        assertEquals(FlowState.DIRECT, flows.get(id).orElseThrow().state(), "the default action permits it");
        FakePolicy gone = new FakePolicy();
        gone.decide = c -> FakePolicy.of("gone", FlowAction.DROP);
        FakePolicy deny = new FakePolicy();
        deny.decide = c -> FakePolicy.of("deny", FlowAction.DROP);

        flows.bindRuleSink(sink);
        await(holding);
        flows.bindPolicy(gone);
        flows.unbindPolicy(gone);
        flows.bindPolicy(deny);
        release.countDown();

        Await.until("the flow is decided by the engine bound last",
                () -> flows.get(id).orElseThrow().state() == FlowState.DROPPED);
        assertEquals(List.of(), gone.listeners, "the engine that went away is not followed");
        assertEquals(1, deny.listeners.size());
    }

    private FlowId activeFlowDecidedByPolicy() {
        FlowId id = flows.create(spec(1, 1).build());
        logins.login(VSAN, host(1), hostFcid(1));
        return id;
    }
}
