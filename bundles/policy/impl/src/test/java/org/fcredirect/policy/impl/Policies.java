package org.fcredirect.policy.impl;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.policy.api.FlowContext;
import org.fcredirect.policy.api.Policy;

/** Shorthands for policy tests. */
final class Policies {
    private Policies() {
    }

    /** A policy from {@code key=value} pairs separated by spaces. */
    static Policy policy(String keyValues) {
        Map<String, String> fields = Stream.of(keyValues.trim().split("\\s+")).map(kv -> kv.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1], (a, b) -> b, java.util.LinkedHashMap::new));
        return Policy.fromFields(fields);
    }

    static Wwn host(int n) {
        return Wwn.of(0x2000_0025_b500_0000L + n);
    }

    static Wwn target(int n) {
        return Wwn.of(0x5006_0160_0000_0000L + n);
    }

    static FlowContext context(int vsan, int host, int target) {
        return FlowContext.of(VsanId.of(vsan), host(host), target(target));
    }
}
