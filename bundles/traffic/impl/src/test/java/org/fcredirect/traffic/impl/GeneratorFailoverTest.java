package org.fcredirect.traffic.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.fcredirect.fastpath.api.DropReason;
import org.fcredirect.fastpath.impl.FastPathManager;
import org.fcredirect.fastpath.impl.Fixtures;
import org.fcredirect.fastpath.impl.Recorder;
import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.flow.testkit.Await;
import org.fcredirect.traffic.api.TrafficSpec;
import org.fcredirect.traffic.api.TrafficState;
import org.fcredirect.traffic.api.TrafficStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generator follows where the flow service moves its flows while it runs: standby flows play
 * through the standby, bypassed ones direct, blocked ones are dropped by the fast path, and all
 * come back; frames around a move are never counted as address mismatches.
 */
class GeneratorFailoverTest {
    /**
     * Twelve hosts with a flow each through four appliances in two groups (trafgen-a: 0 and 2,
     * trafgen-b: 1 and 3); host h goes through appliance h mod 4, so trafgen-0 carries flows 0, 4
     * and 8: standby, bypass and block by flow index mod 3.
     */
    static final TrafficSpec MIXED = TrafficSpec.builder().initiatorsPerVsan(12).targetsPerVsan(12).appliances(4)
            .groups(2).failover(TrafficSpec.Failover.MIXED).queueDepth(2).framesPerSecond(40_000).build();

    private FastPathManager fastPath;
    private TrafficManager manager;
    private FakeFlowApi api;

    @BeforeEach
    void start() {
        fastPath = Fixtures.start(Fixtures.settings(2));
        manager = Wiring.traffic(fastPath);
        api = new FakeFlowApi(fastPath);
        manager.logins = api;
        manager.flows = api;
        manager.appliances = api;
    }

    @AfterEach
    void stop() {
        Wiring.stop(manager, fastPath);
        api.close();
    }

    private Flow flow(int index) {
        return api.get(FlowId.of(manager.generator().flowIds()[index])).orElseThrow();
    }

    private TrafficStatus traffic() {
        return manager.traffic();
    }

    private void awaitExchanges(long more) {
        long target = traffic().exchangesCompleted() + more;
        Await.until("the run completed " + more + " more exchanges", Fixtures.TIMEOUT,
                () -> traffic().exchangesCompleted() >= target, () -> traffic().toString());
    }

    private void awaitMoves(long moves) {
        Await.until(moves + " moves followed", Fixtures.TIMEOUT, () -> traffic().flowMoves() >= moves,
                () -> traffic().toString());
    }

    /**
     * Frames of each flow that the fast path counted during {@code period} (forwarded or dropped),
     * by flow index; roughly, as the counters ship every few milliseconds.
     */
    private Map<Integer, Long> framesDuring(Runnable period) {
        fastPath.drain(new Recorder(), Integer.MAX_VALUE);
        period.run();
        Recorder r = new Recorder();
        fastPath.drain(r, Integer.MAX_VALUE);
        Map<Long, Recorder.Delta> byId = r.byFlow();
        Map<Integer, Long> frames = new HashMap<>();
        long[] ids = manager.generator().flowIds();
        for (int f = 0; f < ids.length; f++) {
            Recorder.Delta d = byId.get(ids[f]);
            frames.put(f, d == null ? 0 : d.frames() + d.dropped());
        }
        return frames;
    }

    private TrafficStatus end() throws InterruptedException {
        manager.stopTraffic();
        TrafficStatus s = manager.awaitTraffic(Duration.ofSeconds(20));
        assertEquals(TrafficState.STOPPED, s.state(), s.toString());
        return s;
    }

    @Test
    void eachFailoverModeIsFollowedAndTheFlowsComeBackWithoutAnAddressMismatch() throws InterruptedException {
        manager.startTraffic(MIXED);
        awaitExchanges(500);
        assertEquals(FailoverMode.STANDBY, flow(0).failover());
        assertEquals(FailoverMode.BYPASS, flow(4).failover());
        assertEquals(FailoverMode.BLOCK, flow(8).failover());
        assertEquals(Optional.of("trafgen-a"), flow(0).group());
        long ruleDrops = fastPath.status().drops().get(DropReason.RULE_DROP);

        Map<Integer, Long> frames = framesDuring(() -> {
            api.markUnhealthy("trafgen-0", "test");
            awaitMoves(3);
            awaitExchanges(1000);
        });
        assertEquals(Optional.of("trafgen-2"), flow(0).appliance(), "the other member of trafgen-a");
        assertEquals(FlowState.BYPASSED, flow(4).state());
        assertEquals(FlowState.BLOCKED, flow(8).state());
        assertTrue(frames.get(0) > 0 && frames.get(4) > 0, "standby and bypass flows go on: " + frames);
        assertTrue(fastPath.status().drops().get(DropReason.RULE_DROP) > ruleDrops, "the blocked flow's frames are dropped");
        assertTrue(traffic().framesDropped() > 0 && traffic().exchangesFailed() > 0, traffic().toString());

        api.markHealthy("trafgen-0");
        awaitMoves(6);
        awaitExchanges(500);
        assertEquals(FlowState.ACTIVE, flow(8).state());
        long dropped = traffic().framesDropped();
        awaitExchanges(1000);
        assertEquals(dropped, traffic().framesDropped(), "back through trafgen-0, nothing is dropped any more");

        TrafficStatus s = end();
        assertEquals(0, s.addressMismatches(), s.toString());
        assertEquals(0, s.incompleteExchanges(), s.toString());
        assertEquals(6, s.flowMoves(), s.toString());
        assertEquals(0, api.listenerCount(), "the run stopped listening");
    }

    @Test
    void framesThatMeetTheNewRulesBeforeTheGeneratorHearsOfTheMoveAreNoMismatches() throws InterruptedException {
        api.eventLagMillis = 300;
        manager.startTraffic(MIXED);
        awaitExchanges(500);
        api.markUnhealthy("trafgen-0", "test");
        awaitMoves(3);
        awaitExchanges(1000);
        TrafficStatus s = end();
        assertEquals(0, s.addressMismatches(), "300 ms of frames on rules the generator did not know yet: " + s);
        assertTrue(s.exchangesFailed() > 0, "the exchanges open at the move failed: " + s);
    }

    @Test
    void aMisroutedFrameWithoutAMoveIsStillAMismatchOnceTheGracePassed() throws InterruptedException {
        FabricDirectory noRules = Wiring.noRules();
        TrafficGenerator g = new TrafficGenerator(MIXED, noRules, fastPath);
        Thread t = new Thread(g);
        t.start();
        try {
            Await.until("mismatches counted while the run goes on", Fixtures.TIMEOUT,
                    () -> g.status().addressMismatches() > 0, () -> g.status().toString());
            assertTrue(g.status().elapsed().toNanos() >= TrafficGenerator.MOVE_GRACE_NANOS,
                    "not before the grace: a move could still explain them");
        } finally {
            g.requestStop();
            t.join(Fixtures.TIMEOUT.toMillis());
        }
    }

    @Test
    void underThePoliciesTheFlowsAreCreatedWithoutAnApplianceAndWhereTheyPutEachIsPlayed() throws InterruptedException {
        // the policy: even hosts through trafgen-1, the others direct
        api.policy = spec -> (spec.initiator().value() & 0xFFFF) % 2 == 0 ? Optional.of("trafgen-1") : Optional.empty();
        manager.startTraffic(MIXED.toBuilder().placement(TrafficSpec.Placement.POLICY).exchanges(3000).cleanup(true)
                .build());
        Await.until("the run started", Fixtures.TIMEOUT, () -> traffic().state() == TrafficState.RUNNING);
        for (int f = 0; f < 12; f++) {
            Flow flow = flow(f);
            assertEquals(Optional.empty(), flow.spec().appliance(), flow.toString());
            assertEquals(f % 2 == 0 ? Optional.of("trafgen-1") : Optional.empty(), flow.appliance(), flow.toString());
        }
        TrafficStatus s = manager.awaitTraffic(Duration.ofSeconds(20));
        assertEquals(TrafficState.FINISHED, s.state(), s.toString());
        assertEquals(0, s.errors(), s.toString());
        assertEquals(3000, s.exchangesCompleted());
        assertEquals(0, s.flowMoves());
        assertEquals(0, api.flowCount(), "cleaned up");
    }
}
