package org.fcredirect.config.impl;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.fcredirect.config.api.ConfigVersion;
import org.fcredirect.config.api.ValueChange;
import org.fcredirect.config.api.VersionOrigin;
import org.fcredirect.json.Json;

/** The JSON payloads of the {@code config} stream (see FORMATS.md beside this module's pom). */
final class HistoryCodec {
    static final String COMMITTED = "committed";
    static final String REVERTED = "reverted";

    private HistoryCodec() {
    }

    static byte[] committed(ConfigVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", v.number());
        m.put("committed", v.committed().toString());
        m.put("owner", v.owner());
        m.put("comment", v.comment());
        m.put("origin", v.origin().toString());
        List<Object> changes = new ArrayList<>();
        for (ValueChange c : v.changes()) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("pid", c.pid());
            change.put("key", c.key());
            change.put("before", c.before().orElse(null));
            change.put("after", c.after().orElse(null));
            changes.add(change);
        }
        m.put("changes", changes);
        return Json.write(m).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] reverted(long version, String error) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", version);
        m.put("error", error);
        return Json.write(m).getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException when the payload is not a committed version */
    static ConfigVersion decodeCommitted(byte[] payload) {
        Map<?, ?> m = object(Json.parse(new String(payload, StandardCharsets.UTF_8)));
        List<ValueChange> changes = new ArrayList<>();
        if (!(m.get("changes") instanceof List<?> list)) {
            throw new IllegalArgumentException("changes missing");
        }
        for (Object o : list) {
            Map<?, ?> c = object(o);
            changes.add(new ValueChange(text(c, "pid"), text(c, "key"), optional(c, "before"), optional(c, "after")));
        }
        return new ConfigVersion(number(m), Instant.parse(text(m, "committed")), text(m, "owner"), text(m, "comment"),
                VersionOrigin.valueOf(text(m, "origin").toUpperCase(Locale.ROOT)), changes, true);
    }

    /** @return the version that was reverted */
    static long decodeReverted(byte[] payload) {
        return number(object(Json.parse(new String(payload, StandardCharsets.UTF_8))));
    }

    private static Map<?, ?> object(Object o) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException("an object expected");
    }

    private static long number(Map<?, ?> m) {
        if (m.get("version") instanceof BigDecimal d) {
            return d.longValueExact();
        }
        throw new IllegalArgumentException("version missing");
    }

    private static String text(Map<?, ?> m, String name) {
        if (m.get(name) instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(name + " missing");
    }

    private static Optional<String> optional(Map<?, ?> m, String name) {
        Object v = m.get(name);
        return v == null ? Optional.empty() : Optional.of(String.valueOf(v));
    }
}
