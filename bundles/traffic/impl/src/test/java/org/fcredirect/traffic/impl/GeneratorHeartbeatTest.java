package org.fcredirect.traffic.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.fcredirect.fastpath.impl.FastPathManager;
import org.fcredirect.fastpath.impl.Fixtures;
import org.fcredirect.flow.testkit.Await;
import org.fcredirect.traffic.api.TrafficSpec;
import org.fcredirect.traffic.api.TrafficState;
import org.fcredirect.traffic.api.TrafficStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The generator through a (fake) flow service with a (fake) monitor bound: its appliances
 * heartbeat from the traffic bundle's heartbeat thread while they exist, never from a worker.
 */
class GeneratorHeartbeatTest {
    private static final Duration INTERVAL = Duration.ofMillis(100);
    private FastPathManager fastPath;
    private TrafficManager manager;
    private FakeFlowApi api;
    private FakeMonitor monitor;

    @AfterEach
    void stop() {
        if (manager != null) {
            Wiring.stop(manager, fastPath);
        }
    }

    private void start(boolean withFlowService) {
        fastPath = Fixtures.start(Fixtures.settings(2));
        manager = Wiring.traffic(fastPath);
        api = new FakeFlowApi(fastPath);
        if (withFlowService) {
            manager.logins = api;
            manager.flows = api;
            manager.appliances = api;
        }
        monitor = new FakeMonitor(name -> api.get(name).isPresent());
        monitor.interval = INTERVAL;
        manager.monitorService = monitor;
    }

    private static TrafficSpec.Builder spec() {
        return TrafficSpec.builder().vsans(1).initiatorsPerVsan(8).targetsPerVsan(8).flowsPerInitiator(2).appliances(4)
                .redirectPercent(100).queueDepth(2);
    }

    private static List<String> names(int n) {
        return IntStream.range(0, n).mapToObj(a -> "trafgen-" + a).toList();
    }

    @Test
    void everyApplianceHeartbeatsWhileTheRunGoesOnFromTheHeartbeatThreadOnly() throws InterruptedException {
        start(true);
        manager.startTraffic(spec().framesPerSecond(20_000).duration(Duration.ofSeconds(30)).cleanup(true).build());
        Await.until("every appliance heartbeat a few times while the run goes on", Fixtures.TIMEOUT,
                () -> manager.traffic().state() == TrafficState.RUNNING
                        && names(4).stream().allMatch(n -> monitor.beats(n) >= 3));
        Set<String> threads = monitor.beats().stream().map(FakeMonitor.Beat::thread).collect(Collectors.toSet());
        assertEquals(Set.of("traffic-heartbeats"), threads, "never a worker, never the generator");
        assertEquals(names(4), manager.heartbeats().appliances());

        manager.stopTraffic();
        TrafficStatus s = manager.awaitTraffic(Duration.ofSeconds(20));
        assertEquals(TrafficState.STOPPED, s.state(), s.toString());
        assertEquals(List.of(), manager.heartbeats().appliances(), "the clean-up removed them");
        // a round that found no appliance schedules no other: once none is scheduled, none can beat
        Await.until("the heartbeat rounds end", Fixtures.TIMEOUT, () -> !manager.heartbeats().scheduled());
        long after = monitor.beats().size();
        assertEquals(after, monitor.beats().size(), "no heartbeat for appliances that are gone");
    }

    /** The fast path stopping (an upgrade, Karaf's shutdown) ends the run without tearing its flows down. */
    @Test
    void aRunEndedByTheFastPathStoppingKeepsItsFlowsAndAppliances() {
        start(true);
        manager.startTraffic(spec().framesPerSecond(20_000).cleanup(true).build());
        Await.until("running", Fixtures.TIMEOUT, () -> manager.traffic().state() == TrafficState.RUNNING);
        int flows = api.flowCount();
        Wiring.stop(manager, fastPath);
        assertEquals(TrafficState.STOPPED, manager.traffic().state(), manager.traffic().toString());
        assertEquals(flows, api.flowCount(), "flows are state a restart finds again");
        assertTrue(names(4).stream().allMatch(n -> api.get(n).isPresent()), "appliances kept");
        manager = null;
    }

    /** A run that keeps its flows keeps its appliances too: they stay healthy and their flows where they are. */
    @Test
    void aRunThatKeepsItsFlowsKeepsItsAppliancesAlive() throws InterruptedException {
        start(true);
        manager.startTraffic(spec().exchanges(500).build());
        TrafficStatus s = manager.awaitTraffic(Duration.ofSeconds(20));
        assertEquals(TrafficState.FINISHED, s.state(), s.toString());
        long before = monitor.beats("trafgen-3");
        Await.until("heartbeats go on after the run", Fixtures.TIMEOUT, () -> monitor.beats("trafgen-3") >= before + 3);
    }

    @Test
    void withoutTheFlowServiceNoApplianceIsDeclaredSoNoneHeartbeats() throws InterruptedException {
        start(false);
        manager.startTraffic(spec().exchanges(500).build());
        TrafficStatus s = manager.awaitTraffic(Duration.ofSeconds(20));
        assertEquals(TrafficState.FINISHED, s.state(), s.toString());
        assertEquals("direct rules", s.directory());
        assertEquals(List.of(), manager.heartbeats().appliances());
        assertEquals(0, monitor.beats().size());
    }

    @Test
    void withRedirectOffThereIsNoApplianceToHeartbeat() throws InterruptedException {
        start(true);
        manager.startTraffic(spec().redirectPercent(0).exchanges(500).build());
        TrafficStatus s = manager.awaitTraffic(Duration.ofSeconds(20));
        assertEquals(TrafficState.FINISHED, s.state(), s.toString());
        assertEquals(0, api.applianceCount());
        assertEquals(0, monitor.beats().size());
    }

    @Test
    void withoutAMonitorTheGeneratorRunsAsBefore() throws InterruptedException {
        start(true);
        manager.monitorService = null;
        manager.startTraffic(spec().exchanges(500).cleanup(true).build());
        TrafficStatus s = manager.awaitTraffic(Duration.ofSeconds(20));
        assertEquals(TrafficState.FINISHED, s.state(), s.toString());
        assertEquals(500, s.exchangesCompleted());
        assertEquals(0, monitor.beats().size());
    }
}
