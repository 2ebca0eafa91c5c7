package org.fcredirect.shell.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fcredirect.fabric.api.FabricNode;
import org.fcredirect.fabric.api.FabricView;
import org.fcredirect.fabric.api.NodeAddress;
import org.fcredirect.fabric.api.NodeService;
import org.fcredirect.fabric.api.NodeTarget;
import org.fcredirect.json.Json;
import org.fcredirect.monitor.api.HealthStatus;
import org.fcredirect.shell.CapturedStdout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FabricCommandTest {
    @RegisterExtension
    final CapturedStdout stdout = new CapturedStdout();

    static FabricNode self(String id) {
        return new FabricNode(id, true, new NodeAddress("127.0.0.1", 8101, 1099, 8181), 120, 0, Map.of("flow", 118L),
                HealthStatus.HEALTHY, "9 of 9 checks healthy", Optional.empty(), Duration.ZERO, Duration.ofSeconds(6),
                List.of(), List.of());
    }

    static FabricNode other() {
        return new FabricNode("node-2", false, new NodeAddress("127.0.0.2", 8102, 0, 0), 100, 20, Map.of(),
                HealthStatus.UNHEALTHY, "no heartbeat for 7.5 s (unhealthy after 6.0 s)",
                Optional.of(Instant.parse("2026-12-03T12:00:00Z")), Duration.ofMillis(7500), Duration.ofSeconds(6),
                List.of(new NodeTarget("check", "storage", HealthStatus.HEALTHY, "appends work")),
                List.of(new NodeService("FlowManager", "org.fcredirect.flow-impl", "1.0.0", HealthStatus.HEALTHY)));
    }

    static FabricView fabricOfTwo() {
        return new FabricView("node-1", true, "Kafka topic fcr.history.fabric at 127.0.0.1:9092 as node-1",
                Optional.of("heartbeat not sent: timeout"), 120, 2000, 3, List.of(self("node-1"), other()));
    }

    String printed() {
        return stdout.printed();
    }

    @Test
    void tableShowsEveryNodeWithLagHealthAndHeartbeatAge() {
        FabricCommand.print(fabricOfTwo());
        String text = printed();
        assertTrue(text.startsWith("2 node(s) on Kafka topic fcr.history.fabric at 127.0.0.1:9092 as node-1, 1 UNHEALTHY;"
                + " log end 120; heartbeat every 2000 ms, unhealthy after 3 missed"), text);
        assertTrue(text.contains("WARNING: heartbeat not sent: timeout"), text);
        assertTrue(text.contains("node-1 *"), text);
        assertTrue(text.contains("127.0.0.1 ssh 8101 jmx 1099 http 8181"), text);
        assertTrue(text.contains("(this node)"), text);
        assertTrue(text.contains("7.5 s ago"), text);
        assertTrue(text.contains("unhealthy"), text);
        assertTrue(text.contains("|     100 |  20 |"), text);
    }

    @Test
    void withTheFileLogItSaysSoAndListsThisNodeOnly() {
        FabricCommand.print(new FabricView("local", false, "not in a fabric: the event log is the local file log",
                Optional.empty(), 7, 2000, 3, List.of(self("local"))));
        String text = printed();
        assertTrue(text.startsWith("not in a fabric: the event log is the local file log; this node only"), text);
        assertTrue(text.contains("local *"), text);
    }

    @Test
    void jsonHoldsTheSameFigures() {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Json.parse(Json.write(FabricCommand.toJson(fabricOfTwo())));
        assertEquals("node-1", m.get("local_node"));
        assertEquals(true, m.get("shared"));
        List<?> nodes = (List<?>) m.get("nodes");
        Map<?, ?> two = (Map<?, ?>) nodes.get(1);
        assertEquals("node-2", two.get("id"));
        assertEquals("unhealthy", two.get("status"));
        assertEquals("20", two.get("lag").toString());
        assertEquals("7500", two.get("heartbeat_age_ms").toString());
        assertEquals("8102", ((Map<?, ?>) two.get("address")).get("ssh_port").toString());
    }

    @Test
    void theOtherNodesRowsNameTheirNode() {
        List<Object> rows = OtherNodes.servicesJson(FabricCommand.others(fabricOfTwo()));
        assertEquals(1, rows.size());
        assertEquals("node-2", ((Map<?, ?>) rows.get(0)).get("node"));
        OtherNodes.printTargets(FabricCommand.others(fabricOfTwo()));
        assertTrue(printed().contains("node node-2 (127.0.0.2 ssh 8102): unhealthy"), printed());
        assertTrue(printed().contains("appends work"), printed());
    }

    @Test
    void withoutTheFabricViewTheCommandNamesTheFeature() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new FabricCommand().execute());
        assertTrue(e.getMessage().contains("fcr-fabric-view"), e.getMessage());
    }
}
