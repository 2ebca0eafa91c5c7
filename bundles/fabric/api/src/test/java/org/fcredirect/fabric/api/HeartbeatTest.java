package org.fcredirect.fabric.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.fcredirect.monitor.api.HealthStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeartbeatTest {

    static Heartbeat sample() {
        return new Heartbeat("node-2", new NodeAddress("10.0.0.2", 8101, 1099, 8181), Instant.ofEpochMilli(1_700_000_000_123L),
                2000, 3, 41, 45, Map.of("flow", 41L),
                List.of(new NodeTarget("check", "storage", HealthStatus.HEALTHY, "appends work, \"ok\" é")),
                List.of(new NodeService("FlowManager", "org.fcredirect.flow-impl", "1.0.0", HealthStatus.UNKNOWN)));
    }

    @Test
    void roundTripsEveryField() {
        Heartbeat h = sample();
        assertEquals(h, Heartbeat.fromBytes(h.toBytes()));
        assertEquals(6000, h.timeoutMillis());
    }

    @Test
    void ignoresNamesALaterVersionAdds() {
        String json = new String(sample().toBytes(), StandardCharsets.UTF_8).replaceFirst("\\{", "{\"zone\":\"b\",");
        assertEquals(sample(), Heartbeat.fromBytes(json.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not json",
        "[]",
        "{}",
        "{\"v\":2}",
        "{\"v\":1}",
        "{\"v\":\"1\"}",
        "{\"v\":1.5}",
        "{\"v\":1,\"node\":\"n\",\"address\":[]}",
        "{\"v\":1,\"node\":\"n\",\"address\":{\"host\":\"h\",\"ssh\":70000,\"jmx\":0,\"http\":0}}",
        "{\"v\":1,\"node\":\"n\",\"address\":{\"host\":\"h\",\"ssh\":1,\"jmx\":0,\"http\":0},\"streams\":{\"flow\":-2}}",
    })
    void refusesWhatIsNotAHeartbeat(String text) {
        MalformedHeartbeatException e = assertThrows(MalformedHeartbeatException.class,
                () -> Heartbeat.fromBytes(text.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("heartbeat"), e.getMessage());
    }

    @Test
    void refusesABadValueInAnOtherwiseGoodHeartbeat() {
        String good = new String(sample().toBytes(), StandardCharsets.UTF_8);
        assertMalformed(good.replace("\"node-2\"", "\"no de\""), "node id");
        assertMalformed(good.replace("\"healthy\"", "\"green\""), "unknown, healthy or unhealthy");
        assertMalformed(good.replace("\"interval_ms\":2000", "\"interval_ms\":0"), "interval_ms");
        assertMalformed(good.replace("\"applied\":41", "\"applied\":-5"), "applied");
        assertMalformed(good.replace("\"targets\":[", "\"targets\":[7,"), "targets[0] is not a JSON object");
        assertMalformed(good.replace("\"sent_at\":1700000000123", "\"sent_at\":1e400"), "sent_at");
    }

    @Test
    void refusesBytesThatAreNotUtf8OrTooBig() {
        assertMalformed(new byte[] {'{', (byte) 0xC3, '}'}, "not UTF-8");
        assertMalformed(new byte[Heartbeat.MAX_BYTES + 1], "limit");
        assertThrows(MalformedHeartbeatException.class, () -> Heartbeat.fromBytes(null));
    }

    @Test
    void refusesTooDeepNesting() {
        String good = new String(sample().toBytes(), StandardCharsets.UTF_8);
        assertMalformed(good.replace("\"streams\":{", "\"streams\":{\"x\":[[[[[[[[[[1]]]]]]]]]],"), "JSON");
    }

    private static void assertMalformed(String text, String fragment) {
        assertMalformed(text.getBytes(StandardCharsets.UTF_8), fragment);
    }

    private static void assertMalformed(byte[] bytes, String fragment) {
        MalformedHeartbeatException e = assertThrows(MalformedHeartbeatException.class, () -> Heartbeat.fromBytes(bytes));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
