package org.fcredirect.fabric.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fcredirect.fabric.api.FabricNode;
import org.fcredirect.fabric.api.FabricView;
import org.fcredirect.fabric.api.Heartbeat;
import org.fcredirect.fabric.api.NodeAddress;
import org.fcredirect.fabric.api.NodeTarget;
import org.fcredirect.monitor.api.HealthCheck;
import org.fcredirect.monitor.api.HealthResult;
import org.fcredirect.monitor.api.HealthStatus;
import org.fcredirect.storage.api.StreamProgress;
import org.fcredirect.storage.testkit.InMemoryEventLog;
import org.junit.jupiter.api.Test;

class FabricManagerTest {
    static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

    final FakeClock clock = new FakeClock(T0);
    final Map<String, HealthCheck> registered = new HashMap<>();
    final List<Map<String, Object>> registrations = new ArrayList<>();
    final FabricManager fabric = new FabricManager(clock, new FabricSettings(1000, 3, "node1.example"), (check, props) -> {
        String name = (String) props.get(HealthCheck.NAME);
        registered.put(name, check);
        registrations.add(props);
        return () -> registered.remove(name);
    }, null);

    static Heartbeat heartbeat(String node, Instant sentAt, long interval, int missed, List<NodeTarget> targets) {
        return new Heartbeat(node, new NodeAddress("10.0.0.9", 8102, 0, 0), sentAt, interval, missed, 40, 42,
                Map.of("flow", 40L), targets, List.of());
    }

    @Test
    void withTheFileLogTheViewIsThisNodeAloneAndSaysWhy() throws Exception {
        InMemoryEventLog log = new InMemoryEventLog();
        fabric.log = log;
        FabricView v = fabric.view();
        assertFalse(v.shared());
        assertEquals("not in a fabric: the memory event log offers no heartbeat channel", v.channel());
        assertEquals(1, v.nodes().size());
        FabricNode me = v.nodes().get(0);
        assertTrue(me.local());
        assertEquals("local", me.id());
        assertEquals(-1, me.appliedSequence(), "no service reports progress");
        assertEquals(-1, me.lag());
        assertEquals("node1.example", me.address().host());
    }

    @Test
    void appliedIsTheLeastOverTheStreamsAndAnIdleStreamIsNotBehind() throws Exception {
        InMemoryEventLog log = new InMemoryEventLog();
        fabric.log = log;
        log.append("flow", "t", new byte[1]).get();                // 1
        log.append("policy", "t", new byte[1]).get();              // 2
        log.append("flow", "t", new byte[1]).get();                // 3
        log.append("monitor", "t", new byte[1]).get();             // 4
        FakeProgress flow = new FakeProgress("flow", 1);
        FakeProgress policy = new FakeProgress("policy", 2);
        fabric.addProgress(flow);
        fabric.addProgress(policy);

        FabricNode me = fabric.view().nodes().get(0);
        assertEquals(1, me.appliedSequence(), "flow has not applied its event 3; policy has nothing after 2");
        assertEquals(3, me.lag());
        assertEquals(Map.of("flow", 1L, "policy", 2L), me.streams());

        flow.applied = 3;
        me = fabric.view().nodes().get(0);
        assertEquals(4, me.appliedSequence(), "both streams hold no event they have not applied");
        assertEquals(0, me.lag());

        fabric.removeProgress(flow);
        fabric.removeProgress(policy);
        assertEquals(-1, fabric.view().nodes().get(0).appliedSequence());
    }

    @Test
    void aSilentNodeTurnsUnhealthyAfterItsIntervalTimesMissedHeartbeats() {
        FakeChannel channel = new FakeChannel();
        fabric.bindChannel(channel);
        channel.send("node-2", heartbeat("node-2", T0, 500, 4, List.of()).toBytes());

        assertEquals(List.of("node-2"), fabric.checkedNodes());
        Map<String, Object> props = registrations.get(0);
        assertEquals("fabric/node-2", props.get(HealthCheck.NAME));
        assertEquals(1, props.get(HealthCheck.THRESHOLD));
        assertEquals(1000L, props.get(HealthCheck.INTERVAL_MS), "checked at this node's interval");

        clock.advance(Duration.ofMillis(2000));
        FabricNode n = fabric.view().node("node-2").orElseThrow();
        assertEquals(HealthStatus.HEALTHY, n.status(), "2000 ms is 500 ms x 4, not more");
        assertEquals(Duration.ofMillis(2000), n.heartbeatAge());
        assertEquals(2, n.lag());
        assertEquals(40, n.appliedSequence());
        assertTrue(fabric.nodeHealth("node-2").healthy());

        clock.advance(Duration.ofMillis(1));
        n = fabric.view().node("node-2").orElseThrow();
        assertEquals(HealthStatus.UNHEALTHY, n.status());
        assertEquals("no heartbeat for 2.0 s (unhealthy after 2.0 s)", n.health());
        HealthResult r = fabric.nodeHealth("node-2");
        assertFalse(r.healthy());
        assertEquals("10.0.0.9 ssh 8102", r.details().get("address"));

        channel.send("node-2", heartbeat("node-2", clock.instant(), 500, 4, List.of()).toBytes());
        assertEquals(HealthStatus.HEALTHY, fabric.view().node("node-2").orElseThrow().status());
    }

    @Test
    void aClockAheadCountsFromWhenTheHeartbeatWasHeardAndAStaleOneIsStaleAtOnce() {
        FakeChannel channel = new FakeChannel();
        fabric.bindChannel(channel);
        channel.send("ahead", heartbeat("ahead", T0.plusSeconds(3600), 1000, 3, List.of()).toBytes());
        channel.send("gone", heartbeat("gone", T0.minusSeconds(3600), 1000, 3, List.of()).toBytes());
        clock.advance(Duration.ofMillis(3001));
        assertEquals(HealthStatus.UNHEALTHY, fabric.view().node("ahead").orElseThrow().status());
        assertEquals(HealthStatus.UNHEALTHY, fabric.view().node("gone").orElseThrow().status());
    }

    @Test
    void anOlderHeartbeatReadAgainDoesNotReplaceANewerOne() {
        FakeChannel channel = new FakeChannel();
        fabric.bindChannel(channel);
        channel.send("node-2", heartbeat("node-2", T0, 1000, 3, List.of()).toBytes());
        channel.send("node-2", heartbeat("node-2", T0.minusSeconds(60), 1000, 3, List.of()).toBytes());
        assertEquals(HealthStatus.HEALTHY, fabric.view().node("node-2").orElseThrow().status());
    }

    @Test
    void aNodeReportingAFailedCheckIsUnhealthyButAnApplianceDoesNotMakeItSo() {
        FakeChannel channel = new FakeChannel();
        fabric.bindChannel(channel);
        channel.send("node-2", heartbeat("node-2", T0, 1000, 3, List.of(
                new NodeTarget("check", "storage", HealthStatus.UNHEALTHY, "disk full"),
                new NodeTarget("check", "fastpath", HealthStatus.HEALTHY, "ok"))).toBytes());
        channel.send("node-3", heartbeat("node-3", T0, 1000, 3, List.of(
                new NodeTarget("appliance", "crypt-1", HealthStatus.UNHEALTHY, "missed 3"),
                new NodeTarget("check", "fastpath", HealthStatus.HEALTHY, "ok"))).toBytes());
        FabricNode two = fabric.view().node("node-2").orElseThrow();
        assertEquals(HealthStatus.UNHEALTHY, two.status());
        assertEquals("1 of 2 checks unhealthy: storage", two.health());
        FabricNode three = fabric.view().node("node-3").orElseThrow();
        assertEquals(HealthStatus.HEALTHY, three.status());
        assertEquals("1 of 1 checks healthy, 1 appliance(s) unhealthy", three.health());
    }

    @Test
    void malformedOrMisKeyedHeartbeatsAreIgnored() {
        FakeChannel channel = new FakeChannel();
        fabric.bindChannel(channel);
        channel.send("node-2", "{not json".getBytes(StandardCharsets.UTF_8));
        channel.send("node-2", new byte[0]);
        channel.send("node-2", heartbeat("node-9", T0, 1000, 3, List.of()).toBytes());
        assertEquals(1, fabric.view().nodes().size());
        assertEquals(List.of(), fabric.checkedNodes());
    }

    @Test
    void thisNodesOwnHeartbeatIsSentAndNotListedTwice() {
        InMemoryEventLog log = new InMemoryEventLog();
        fabric.log = log;
        FakeChannel channel = new FakeChannel();
        fabric.bindChannel(channel);
        fabric.beat();
        assertEquals(1, channel.sent.size());
        Heartbeat sent = Heartbeat.fromBytes(channel.sent.get(0));
        assertEquals("local", sent.nodeId());
        assertEquals(T0, sent.sentAt());
        assertEquals(3, sent.missedHeartbeats());
        FabricView v = fabric.view();
        assertTrue(v.shared());
        assertEquals("fake channel", v.channel());
        assertEquals(1, v.nodes().size());
    }

    @Test
    void losingTheChannelLeavesThisNodeAloneAndWithdrawsTheChecks() {
        FakeChannel channel = new FakeChannel();
        fabric.bindChannel(channel);
        channel.send("node-2", heartbeat("node-2", T0, 1000, 3, List.of()).toBytes());
        assertTrue(registered.containsKey("fabric/node-2"));
        fabric.unbindChannel(channel);
        assertEquals(0, channel.listeners());
        assertEquals(Map.of(), registered);
        assertEquals(1, fabric.view().nodes().size());
    }

    static final class FakeProgress implements StreamProgress {
        final String stream;
        volatile long applied;

        FakeProgress(String stream, long applied) {
            this.stream = stream;
            this.applied = applied;
        }

        @Override
        public String stream() {
            return stream;
        }

        @Override
        public long appliedSequence() {
            return applied;
        }
    }
}
