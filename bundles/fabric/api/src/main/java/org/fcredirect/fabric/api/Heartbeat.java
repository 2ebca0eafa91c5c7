package org.fcredirect.fabric.api;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.fcredirect.json.Json;
import org.fcredirect.json.JsonException;
import org.fcredirect.json.JsonLimits;
import org.fcredirect.json.JsonReader;
import org.fcredirect.monitor.api.HealthStatus;

/**
 * What a node tells the fabric every interval, and its wire form: one JSON object in UTF-8,
 * version {@value #VERSION}, at most {@value #MAX_BYTES} bytes, so an operator can read it with
 * any Kafka console consumer. Names unknown to this version are ignored, so a later version may
 * add some; a value of the wrong type, out of range, or missing is refused.
 *
 * @param nodeId the sender's id
 * @param sentAt the sender's clock when it sent this
 * @param intervalMillis the sender's interval: the next heartbeat follows within it
 * @param missedHeartbeats heartbeats the sender may miss before the others call it unhealthy
 * @param appliedSequence how far it has applied the log; -1 when no service reports progress
 * @param logEnd the log's last sequence as it read it; -1 when it could not
 * @param streams each reporting stream's last applied event
 */
public record Heartbeat(String nodeId, NodeAddress address, Instant sentAt, long intervalMillis, int missedHeartbeats,
        long appliedSequence, long logEnd, Map<String, Long> streams, List<NodeTarget> targets,
        List<NodeService> services) {
    public static final int VERSION = 1;
    public static final int MAX_BYTES = 256 * 1024;
    /** Most targets, services or streams one heartbeat may list. */
    public static final int MAX_ENTRIES = 4096;
    public static final int MAX_TEXT = 1024;
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final JsonLimits LIMITS = new JsonLimits(MAX_BYTES, 8);

    public Heartbeat {
        Objects.requireNonNull(nodeId, "nodeId");
        if (!NODE_ID.matcher(nodeId).matches()) {
            throw new IllegalArgumentException("node id '" + nodeId + "' is not 1 to 64 of A-Z a-z 0-9 . _ -");
        }
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(sentAt, "sentAt");
        if (intervalMillis < 1 || missedHeartbeats < 1) {
            throw new IllegalArgumentException("a heartbeat needs a positive interval and missed-heartbeat count, not "
                    + intervalMillis + " ms and " + missedHeartbeats);
        }
        if (appliedSequence < -1 || logEnd < -1) {
            throw new IllegalArgumentException("sequences are -1 (unknown) or more, not applied " + appliedSequence
                    + ", log end " + logEnd);
        }
        streams = Collections.unmodifiableMap(new LinkedHashMap<>(streams));
        targets = List.copyOf(targets);
        services = List.copyOf(services);
    }

    /** How long the sender may stay silent before it is unhealthy: interval × missed heartbeats. */
    public long timeoutMillis() {
        return intervalMillis * missedHeartbeats;
    }

    /** The wire form. */
    public byte[] toBytes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v", VERSION);
        m.put("node", nodeId);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("host", address.host());
        a.put("ssh", address.sshPort());
        a.put("jmx", address.jmxPort());
        a.put("http", address.httpPort());
        m.put("address", a);
        m.put("sent_at", sentAt.toEpochMilli());
        m.put("interval_ms", intervalMillis);
        m.put("missed", missedHeartbeats);
        m.put("applied", appliedSequence);
        m.put("log_end", logEnd);
        m.put("streams", streams);
        List<Object> t = new ArrayList<>();
        for (NodeTarget x : targets) {
            t.add(Map.of("kind", x.kind(), "name", x.name(), "status", x.status().toString(), "message", x.message()));
        }
        m.put("targets", t);
        List<Object> s = new ArrayList<>();
        for (NodeService x : services) {
            s.add(Map.of("name", x.name(), "bundle", x.bundle(), "version", x.version(), "status", x.status().toString()));
        }
        m.put("services", s);
        byte[] bytes = Json.write(m).getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw new IllegalStateException("heartbeat of " + nodeId + " is " + bytes.length + " bytes; the limit is "
                    + MAX_BYTES);
        }
        return bytes;
    }

    /**
     * Reads the wire form.
     *
     * @throws MalformedHeartbeatException for anything else, saying what is wrong
     */
    public static Heartbeat fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new MalformedHeartbeatException("empty heartbeat");
        }
        if (bytes.length > MAX_BYTES) {
            throw new MalformedHeartbeatException("heartbeat of " + bytes.length + " bytes; the limit is " + MAX_BYTES);
        }
        Object tree;
        try {
            CharBuffer text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            tree = JsonReader.parse(text.toString(), LIMITS);
        } catch (CharacterCodingException e) {
            throw new MalformedHeartbeatException("heartbeat is not UTF-8", e);
        } catch (JsonException e) {
            throw new MalformedHeartbeatException("heartbeat is not JSON: " + e.getMessage(), e);
        }
        Fields f = new Fields("heartbeat", tree);
        long version = f.number("v", 1, Integer.MAX_VALUE);
        if (version != VERSION) {
            throw new MalformedHeartbeatException("heartbeat version " + version + "; this node reads " + VERSION);
        }
        Fields a = f.object("address");
        NodeAddress address = new NodeAddress(a.text("host"), (int) a.number("ssh", 0, 65_535),
                (int) a.number("jmx", 0, 65_535), (int) a.number("http", 0, 65_535));
        Map<String, Long> streams = new LinkedHashMap<>();
        Fields s = f.object("streams");
        for (String name : s.names()) {
            streams.put(text(name, "stream name"), s.number(name, 0, Long.MAX_VALUE));
        }
        List<NodeTarget> targets = new ArrayList<>();
        for (Fields t : f.objects("targets")) {
            targets.add(new NodeTarget(t.text("kind"), t.text("name"), t.status("status"), t.text("message")));
        }
        List<NodeService> services = new ArrayList<>();
        for (Fields x : f.objects("services")) {
            services.add(new NodeService(x.text("name"), x.text("bundle"), x.text("version"), x.status("status")));
        }
        try {
            return new Heartbeat(f.text("node"), address, Instant.ofEpochMilli(f.number("sent_at", 0, Long.MAX_VALUE)),
                    f.number("interval_ms", 1, 86_400_000), (int) f.number("missed", 1, 1000),
                    f.number("applied", -1, Long.MAX_VALUE), f.number("log_end", -1, Long.MAX_VALUE), streams,
                    targets, services);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new MalformedHeartbeatException("heartbeat refused: " + e.getMessage(), e);
        }
    }

    private static String text(String value, String what) {
        if (value.isEmpty() || value.length() > MAX_TEXT) {
            throw new MalformedHeartbeatException(what + " must be 1 to " + MAX_TEXT + " characters");
        }
        return value;
    }

    /** The members of one JSON object, each read as the type the wire form gives it. */
    private record Fields(String where, Map<?, ?> members) {

        Fields(String where, Object value) {
            this(where, asObject(where, value));
        }

        private static Map<?, ?> asObject(String where, Object value) {
            if (!(value instanceof Map<?, ?> m)) {
                throw new MalformedHeartbeatException(where + " is not a JSON object");
            }
            if (m.size() > MAX_ENTRIES) {
                throw new MalformedHeartbeatException(where + " has " + m.size() + " members; the limit is " + MAX_ENTRIES);
            }
            return m;
        }

        List<String> names() {
            return members.keySet().stream().map(String.class::cast).toList();
        }

        private Object get(String name) {
            Object v = members.get(name);
            if (v == null) {
                throw new MalformedHeartbeatException(where + " has no " + name);
            }
            return v;
        }

        String text(String name) {
            if (!(get(name) instanceof String s)) {
                throw new MalformedHeartbeatException(where + "." + name + " is not a string");
            }
            if (s.length() > MAX_TEXT) {
                throw new MalformedHeartbeatException(where + "." + name + " is longer than " + MAX_TEXT + " characters");
            }
            return s;
        }

        long number(String name, long min, long max) {
            if (!(get(name) instanceof BigDecimal d)) {
                throw new MalformedHeartbeatException(where + "." + name + " is not a number");
            }
            long value;
            try {
                value = d.longValueExact();
            } catch (ArithmeticException e) {
                throw new MalformedHeartbeatException(where + "." + name + " is not a whole number in range: " + d, e);
            }
            if (value < min || value > max) {
                throw new MalformedHeartbeatException(where + "." + name + " is " + value + "; it must be " + min
                        + " to " + max);
            }
            return value;
        }

        HealthStatus status(String name) {
            String s = text(name);
            try {
                return HealthStatus.valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new MalformedHeartbeatException(where + "." + name + " is '" + s
                        + "'; it must be unknown, healthy or unhealthy", e);
            }
        }

        Fields object(String name) {
            return new Fields(where + "." + name, get(name));
        }

        List<Fields> objects(String name) {
            if (!(get(name) instanceof List<?> l)) {
                throw new MalformedHeartbeatException(where + "." + name + " is not a JSON array");
            }
            if (l.size() > MAX_ENTRIES) {
                throw new MalformedHeartbeatException(where + "." + name + " has " + l.size() + " entries; the limit is "
                        + MAX_ENTRIES);
            }
            List<Fields> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                out.add(new Fields(where + "." + name + "[" + i + "]", l.get(i)));
            }
            return out;
        }
    }
}
