package org.fcredirect.flow.impl;

import org.fcredirect.flow.testkit.Await;
import org.fcredirect.flow.testkit.FakePolicy;
import static org.fcredirect.flow.impl.Fabric.VSAN;
import static org.fcredirect.flow.impl.Fabric.appliance;
import static org.fcredirect.flow.impl.Fabric.host;
import static org.fcredirect.flow.impl.Fabric.spec;
import static org.fcredirect.flow.impl.Fabric.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.FlowFilter;
import org.fcredirect.flow.api.FlowFormat;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.flow.api.NotStoredException;
import org.fcredirect.flow.api.PortLogin;
import org.fcredirect.storage.api.NewEvent;
import org.fcredirect.storage.testkit.InMemoryEventLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Event sourcing: acknowledged only when durable, unchanged when not, the same after a restart. */
class PersistenceTest {
    private Fabric fabric;

    @AfterEach
    void close() {
        fabric.close();
    }

    /** Everything an operator can see, as text. */
    static String dump(Fabric fabric) {
        return fabric.flows.list(FlowFilter.all(), 0, 100_000).flows() + "\n" + fabric.logins.logins() + "\n"
                + fabric.appliances.list() + "\n" + fabric.flows.countByState() + "\n" + fabric.appliances.list().stream()
                        .map(a -> a.name() + "=" + fabric.appliances.flowCount(a.name())).toList();
    }

    /** A busy history: appliances, logins, flows of every kind, a failover, a recovery, deletions. */
    private void history() {
        FlowManager flows = fabric.flows;
        fabric.appliances.add(appliance("a1", "g", 1));
        fabric.appliances.add(appliance("a2", "g", 2));
        FakePolicy policy = new FakePolicy();
        policy.decide = c -> c.target().equals(target(3)) ? FakePolicy.of("deny", org.fcredirect.flow.api.FlowAction.DROP)
                : FakePolicy.redirect("enc", "g", "a2", FailoverMode.BYPASS);
        flows.bindPolicy(policy);
        for (int h = 1; h <= 20; h++) {
            flows.create(spec(h, h % 4).appliance(h % 2 == 0 ? "a1" : null).failover(h % 3 == 0 ? FailoverMode.BLOCK
                    : null).description(h % 5 == 0 ? "host " + h : "").build());
            fabric.loginHost(h);
        }
        for (int t = 0; t < 3; t++) {
            fabric.loginTarget(t);
        }
        fabric.appliances.markUnhealthy("a1", "heartbeat lost");
        fabric.appliances.markUnhealthy("a2", "maintenance");
        fabric.appliances.markHealthy("a1");
        flows.delete(FlowId.of(5));
        fabric.logins.logout(VSAN, host(6));
        flows.importFlows(new StringReader("vsan,initiator,target\n10," + host(30) + "," + target(1) + "\n"), FlowFormat.CSV);
    }

    @ParameterizedTest(name = "snapshot every {0} events")
    @ValueSource(ints = {0, 1, 7})
    void aRestartRebuildsTheSameState(int snapshotEvery) {
        fabric = new Fabric(Fabric.settings(snapshotEvery, true, FailoverMode.STANDBY));
        history();
        String before = dump(fabric);
        assertTrue(before.contains("BLOCKED") || before.contains("blocked"), before);
        fabric.restart();
        assertEquals(before, dump(fabric));
        assertEquals(snapshotEvery > 0, fabric.log.loadSnapshot(FlowStore.STREAM).isPresent());
    }

    @Test
    void aRestartAfterCompactionRebuildsFromTheSnapshotAlone() {
        fabric = new Fabric(Fabric.settings(3, true, FailoverMode.STANDBY));
        history();
        String before = dump(fabric);
        assertTrue(fabric.log.compact().eventsRemoved() > 0);
        fabric.restart();
        assertEquals(before, dump(fabric));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"create", "delete", "import", "login", "logout", "add", "remove", "health"})
    void aFailedAppendLeavesTheStateUnchanged(String operation) {
        fabric = new Fabric();
        history();
        fabric.appliances.add(appliance("spare", "h", 3));
        String before = dump(fabric);
        fabric.log.failAppends(true);
        Consumer<Fabric> op = switch (operation) {
            case "create" -> f -> f.flows.create(spec(40, 1).build());
            case "delete" -> f -> f.flows.delete(FlowId.of(1));
            case "import" -> f -> f.flows.importFlows(new StringReader("vsan,initiator,target\n10," + host(41) + ","
                    + target(1) + "\n"), FlowFormat.CSV);
            case "login" -> f -> f.logins.loginAll(List.of(new PortLogin(VSAN, host(40), Fabric.hostFcid(40))));
            case "logout" -> f -> f.logins.logout(VSAN, host(1));
            case "add" -> f -> f.appliances.add(appliance("a9", "g", 9));
            case "remove" -> f -> f.appliances.remove("spare");
            default -> f -> f.appliances.markHealthy("a2");
        };
        assertThrows(NotStoredException.class, () -> op.accept(fabric));
        assertEquals(before, dump(fabric));
        fabric.log.failAppends(false);
        fabric.restart();
        assertEquals(before, dump(fabric));
    }

    @Test
    void aBigImportCountsItsFlowsTowardTheNextSnapshot() {
        fabric = new Fabric(Fabric.settings(50, true, FailoverMode.STANDBY));
        StringBuilder csv = new StringBuilder("vsan,initiator,target\n");
        for (int i = 1; i <= 100; i++) {
            csv.append("10,").append(host(i)).append(',').append(target(1)).append('\n');
        }
        fabric.flows.importFlows(new StringReader(csv.toString()), FlowFormat.CSV);
        assertTrue(fabric.log.loadSnapshot(FlowStore.STREAM).isPresent(), "one change of 100 flows is past 50");
    }

    @Test
    void aChangeIsNeitherAcknowledgedNorVisibleBeforeItIsDurable() throws Exception {
        fabric = new Fabric();
        fabric.log.holdAppends(true);
        CompletableFuture<FlowId> created = CompletableFuture.supplyAsync(() -> fabric.flows.create(spec(1, 1).build()));
        Await.until("the append to be pending", () -> fabric.log.heldAppendCount() == 1);
        assertFalse(created.isDone());
        assertEquals(0, fabric.flows.count(FlowFilter.all()));
        fabric.log.releaseHeldAppends();
        assertEquals(FlowId.of(1), created.get(10, TimeUnit.SECONDS));
        assertEquals(1, fabric.flows.count(FlowFilter.all()));
    }

    @Test
    void partsOfALargeChangeWithoutTheirCommitAreIgnoredOnReplay() {
        fabric = new Fabric();
        fabric.flows.create(spec(1, 1).build());
        // what a crash between the parts and the commit of a large change leaves behind
        byte[] part = {FlowEventCodec.VERSION, 0, 0, 0, 0, 0, 0, 0, 99, 0, 0, 0, 0, 0, 0, 0, 0};
        fabric.log.appendAll(List.of(NewEvent.of(FlowStore.STREAM, EventWriter.PART, part))).join();
        fabric.flows.create(spec(2, 1).build());
        fabric.restart();
        assertEquals(2, fabric.flows.count(FlowFilter.all()));
    }

    @Test
    void anEventThisVersionCannotReadStopsTheStartWithItsSequence() {
        InMemoryEventLog log = new InMemoryEventLog();
        log.appendAll(List.of(NewEvent.of(FlowStore.STREAM, "flows-created", new byte[] {9}))).join();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new FlowStore(log, new Fabric.TickingClock(), FlowSettings.DEFAULTS));
        assertTrue(e.getMessage().contains("sequence 1"), e.getMessage());
        fabric = new Fabric();
    }

    @Test
    void policyDecisionsAreTakenAgainWhenThePolicyEngineAppearsAfterARestart() {
        fabric = new Fabric();
        fabric.appliances.add(appliance("a1", "g", 1));
        FlowId id = fabric.flows.create(spec(1, 1).build());
        fabric.loginHost(1);
        fabric.loginTarget(1);
        assertEquals(FlowState.DIRECT, fabric.flows.get(id).orElseThrow().state());
        FlowManager restarted = fabric.restart();
        FakePolicy policy = new FakePolicy();
        policy.decide = c -> FakePolicy.redirect("enc", "g", "a1", FailoverMode.STANDBY);
        restarted.bindPolicy(policy);
        assertEquals(FlowState.ACTIVE, restarted.get(id).orElseThrow().state());
        int events = fabric.log.events().size();
        restarted.unbindPolicy(policy);
        restarted.bindPolicy(policy);
        assertEquals(events, fabric.log.events().size(), "deciding again without a change stores nothing");
    }

    @Test
    void aPolicyChangeDecidesTheAffectedFlowsAgain() {
        fabric = new Fabric();
        fabric.appliances.add(appliance("a1", "g", 1));
        FakePolicy policy = new FakePolicy();
        fabric.flows.bindPolicy(policy);
        FlowId id = fabric.flows.create(spec(1, 1).build());
        FlowId explicit = fabric.flows.create(spec(2, 1).appliance("a1").build());
        fabric.loginHost(1);
        fabric.loginHost(2);
        fabric.loginTarget(1);
        policy.decide = c -> FakePolicy.of("deny", org.fcredirect.flow.api.FlowAction.DROP);
        policy.changed();
        assertEquals(FlowState.DROPPED, fabric.flows.get(id).orElseThrow().state());
        assertEquals(FlowState.ACTIVE, fabric.flows.get(explicit).orElseThrow().state(), "an explicit appliance wins");
        fabric.restart();
        assertEquals(FlowState.DROPPED, fabric.flows.get(id).orElseThrow().state());
    }
}
