package org.fcredirect.traffic.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.fcredirect.fastpath.api.DefaultDecision;
import org.fcredirect.fastpath.api.FastPathSettings;
import org.fcredirect.fastpath.api.FastPathStatus;
import org.fcredirect.fastpath.impl.FastPathManager;
import org.fcredirect.fastpath.impl.Fixtures;
import org.fcredirect.fastpath.impl.Recorder;
import org.fcredirect.flow.testkit.Await;
import org.fcredirect.traffic.api.TrafficSpec;
import org.fcredirect.traffic.api.TrafficState;
import org.fcredirect.traffic.api.TrafficStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generator end to end through running workers: redirected exchanges complete with the addresses the rules promise. */
class TrafficGeneratorTest {
    private FastPathManager fastPath;
    private TrafficManager manager;

    @AfterEach
    void stop() {
        if (manager != null) {
            Wiring.stop(manager, fastPath);
        }
    }

    private TrafficStatus run(TrafficSpec spec) throws InterruptedException {
        manager.startTraffic(spec);
        TrafficStatus s = manager.awaitTraffic(Duration.ofSeconds(40));
        assertTrue(!s.state().active(), "the run ended: " + s);
        return s;
    }

    private static void noErrors(TrafficStatus s) {
        assertEquals(0, s.addressMismatches(), s.toString());
        assertEquals(0, s.framesDropped(), s.toString());
        assertEquals(0, s.exchangesFailed(), s.toString());
        assertEquals(0, s.incompleteExchanges(), s.toString());
        assertEquals(0, s.outstandingExchanges(), s.toString());
        assertTrue(s.failure().isEmpty(), s.toString());
    }

    @Test
    void manyHostsReachOneArrayThroughOneApplianceWithoutAnAmbiguousFrame() throws InterruptedException {
        fastPath = Fixtures.start(new FastPathSettings(2, 16, 64, 16, 20, DefaultDecision.FORWARD, 8192));
        manager = Wiring.traffic(fastPath);
        TrafficSpec spec = TrafficSpec.builder().vsans(1).initiatorsPerVsan(60).targetsPerVsan(4).flowsPerInitiator(3)
                .appliances(1).redirectPercent(100).queueDepth(2).exchanges(6_000).seed(5).build();
        TrafficStatus s = run(spec);
        assertEquals(TrafficState.FINISHED, s.state(), s.toString());
        noErrors(s);
        assertEquals(180, manager.generator().flowIds().length);
        assertEquals(s.framesSent(), fastPath.status().framesForwarded(), "no frame dropped, as ambiguous-rule or otherwise");
    }

    @Test
    void thousandsOfFlowsCompleteEndToEndWithZeroMismatchesAndCountersMatchFrameByFrame() throws InterruptedException {
        fastPath = Fixtures.start(new FastPathSettings(2, 16, 64, 16, 20, DefaultDecision.FORWARD, 8192));
        manager = Wiring.traffic(fastPath);
        TrafficSpec spec = TrafficSpec.builder().vsans(3).initiatorsPerVsan(40).targetsPerVsan(40)
                .flowsPerInitiator(25).appliances(25).redirectPercent(80).readPercent(50).ioSizes(4096, 16384)
                .queueDepth(2).exchanges(15_000).seed(7).build();
        assertEquals(3000, spec.flows());
        TrafficStatus s = run(spec);
        assertEquals(TrafficState.FINISHED, s.state(), s.toString());
        noErrors(s);
        assertEquals(15_000, s.exchangesStarted());
        assertEquals(15_000, s.exchangesCompleted());
        assertEquals(s.framesSent(), s.framesReturned());
        assertEquals("direct rules", s.directory());

        FastPathStatus fp = fastPath.status();
        assertEquals(s.framesSent(), fp.framesProcessed(), "the fast path decided on every frame the generator sent");
        assertEquals(s.framesSent(), fp.framesForwarded());
        assertEquals(0, fp.framesDropped());
        assertEquals(0, fp.workers().stream().mapToLong(w -> w.exchangesEvicted() + w.exchangesUnmatched()).sum(),
                "every exchange was tracked from command to response");

        Recorder r = Fixtures.drainAll(fastPath);
        assertEquals(s.framesSent(), r.frames());
        Map<Long, Recorder.Delta> byFlow = r.byFlow();
        TrafficGenerator g = manager.generator();
        long[] ids = g.flowIds();
        long[] sent = g.framesPerFlow();
        long opened = 0;
        for (int f = 0; f < ids.length; f++) {
            Recorder.Delta d = byFlow.get(ids[f]);
            assertEquals(sent[f], d == null ? 0 : d.frames(), "flow " + ids[f]);
            opened += d == null ? 0 : d.opened();
            if (d != null) {
                assertEquals(d.opened(), d.completed(), "flow " + ids[f] + " opened and completed as many");
            }
        }
        assertEquals(15_000, opened, "each exchange opened once though redirected ones cross the fabric twice");
        assertEquals(15_000, r.exchanges.size() + fastPath.backlog().exchangeRecordsDropped(),
                "with no one draining during the run, records that found the queue full are counted as dropped");
        assertTrue(r.exchanges.stream().allMatch(x -> x.completionNanos() >= 0 && x.status() == 0));
        assertTrue(byFlow.get(0L) == null, "no frame went unmatched");
    }

    @Test
    void withoutRulesTheRedirectedFramesArriveWithTheWrongAddressesAndAreCounted() throws InterruptedException {
        fastPath = Fixtures.start(Fixtures.settings(1));
        manager = Wiring.traffic(fastPath);
        FabricDirectory noRules = Wiring.noRules();
        TrafficSpec spec = TrafficSpec.builder().initiatorsPerVsan(4).targetsPerVsan(4).redirectPercent(100)
                .queueDepth(1).exchanges(40).build();
        TrafficGenerator g = new TrafficGenerator(spec, noRules, fastPath);
        g.run();
        TrafficStatus s = g.status();
        assertEquals(TrafficState.FINISHED, s.state());
        assertTrue(s.addressMismatches() >= 40 * 2, "every frame from a host or target missed its appliance: " + s);
        assertEquals(40, s.exchangesCompleted());
    }

    @Test
    void throughTheFlowServiceThePortsLogInOnTheWireAndTheFlowsAreImportedThenReused() throws InterruptedException {
        fastPath = Fixtures.start(Fixtures.settings(2));
        manager = Wiring.traffic(fastPath);
        FakeFlowApi api = new FakeFlowApi(fastPath);
        manager.logins = api;
        manager.flows = api;
        manager.appliances = api;
        TrafficSpec spec = TrafficSpec.builder().vsans(2).initiatorsPerVsan(20).targetsPerVsan(30).flowsPerInitiator(3)
                .appliances(6).redirectPercent(70).queueDepth(3).exchanges(3000).build();
        TrafficStatus first = run(spec);
        assertEquals(TrafficState.FINISHED, first.state(), first.toString());
        assertEquals("flow service", first.directory());
        noErrors(first);
        assertEquals(3000, first.exchangesCompleted());
        assertEquals(120, api.flowCount());
        assertEquals(6, api.applianceCount());
        assertEquals(100, api.loginCount());
        assertEquals(100, api.learned, "learned from the fabric logins on the wire, none injected");

        TrafficStatus second = run(spec.toBuilder().cleanup(true).build());
        noErrors(second);
        assertEquals(1, api.imports, "the second run reused the flows");
        assertEquals(0, api.flowCount(), "cleanup removed the flows");
        assertEquals(0, api.applianceCount());
        assertEquals(0, api.loginCount());
    }

    @Test
    void aStoppedRunLetsItsOpenExchangesFinish() throws InterruptedException {
        fastPath = Fixtures.start(Fixtures.settings(2));
        manager = Wiring.traffic(fastPath);
        manager.startTraffic(TrafficSpec.builder().initiatorsPerVsan(8).targetsPerVsan(8).flowsPerInitiator(2)
                .appliances(2).build());
        Await.until("the run completed exchanges", Fixtures.TIMEOUT, () -> manager.traffic().exchangesCompleted() > 500);
        assertThrows(IllegalStateException.class, () -> manager.startTraffic(TrafficSpec.builder().build()),
                "one run at a time");
        manager.stopTraffic();
        TrafficStatus s = manager.awaitTraffic(Duration.ofSeconds(20));
        assertEquals(TrafficState.STOPPED, s.state());
        noErrors(s);
        assertEquals(s.exchangesStarted(), s.exchangesCompleted());
    }

    @Test
    void theRateLimitHoldsTheSendingPace() throws InterruptedException {
        fastPath = Fixtures.start(Fixtures.settings(1));
        manager = Wiring.traffic(fastPath);
        TrafficStatus s = run(TrafficSpec.builder().initiatorsPerVsan(4).targetsPerVsan(4).framesPerSecond(20_000)
                .duration(Duration.ofMillis(300)).build());
        noErrors(s);
        double seconds = s.elapsed().toNanos() / 1e9;
        assertTrue(s.framesSent() <= 20_000 * seconds + 200 + 64 * 34, "sent " + s.framesSent() + " in " + seconds + " s");
    }

    @Test
    void aFailingDirectoryEndsTheRunWithItsReasonAndTheFastPathGoesOn() throws InterruptedException {
        fastPath = Fixtures.start(Fixtures.settings(1));
        manager = Wiring.traffic(fastPath);
        FabricDirectory broken = new FabricDirectory() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public long[] setUp(TrafficTopology topology, FlowRoutes routes) {
                throw new IllegalStateException("appliance trafgen-0 exists with other settings");
            }

            @Override
            public void tearDown(TrafficTopology topology, long[] flowIds) {
            }
        };
        TrafficGenerator g = new TrafficGenerator(TrafficSpec.builder().build(), broken, fastPath);
        g.run();
        assertEquals(TrafficState.FAILED, g.status().state());
        assertEquals("appliance trafgen-0 exists with other settings", g.status().failure().orElseThrow());
        assertTrue(fastPath.status().healthy() || fastPath.status().workers().stream().allMatch(w -> w.alive()));
    }
}
