package org.fcredirect.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fcredirect.flow.api.ValidationException;
import org.fcredirect.policy.api.Policy;
import org.fcredirect.policy.api.PolicyService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's policies: read from the configuration text, and created where none of the name
 * exists. Policies live in the event log, so after a restart they are there already: those are
 * left as they are, whatever an operator changed in them since, and nothing is created twice.
 */
final class DemoPolicies {
    private static final Logger LOG = LoggerFactory.getLogger(DemoPolicies.class);

    private DemoPolicies() {
    }

    /**
     * Parses {@code name=a priority=1 ...; name=b ...}: policies separated by ';', fields
     * {@code key=value} separated by white space, a value in double quotes may hold both.
     *
     * @throws IllegalArgumentException naming the policy and the field at fault
     */
    static List<Policy> parse(String text) {
        List<Policy> policies = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        StringBuilder token = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i <= text.length(); i++) {
            if (quoted && i == text.length()) {
                throw new IllegalArgumentException("demo policy " + (policies.size() + 1)
                        + ": a quoted value has no closing quote");
            }
            char c = i < text.length() ? text.charAt(i) : ';';
            if (c == '"') {
                quoted = !quoted;
            } else if (quoted) {
                token.append(c);
            } else if (Character.isWhitespace(c) || c == ';') {
                field(token, fields, policies.size() + 1);
                if (c == ';' && !fields.isEmpty()) {
                    policies.add(policy(fields, policies.size() + 1));
                    fields = new LinkedHashMap<>();
                }
            } else {
                token.append(c);
            }
        }
        return policies;
    }

    private static void field(StringBuilder token, Map<String, String> fields, int number) {
        if (token.length() == 0) {
            return;
        }
        String kv = token.toString();
        token.setLength(0);
        int eq = kv.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("demo policy " + number + ": '" + kv + "' is not key=value");
        }
        fields.put(kv.substring(0, eq), kv.substring(eq + 1));
    }

    private static Policy policy(Map<String, String> fields, int number) {
        try {
            return Policy.fromFields(fields);
        } catch (ValidationException e) {
            throw new IllegalArgumentException("demo policy " + Optional.ofNullable(fields.get(Policy.NAME))
                    .orElse("number " + number) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates the policies that do not exist. One the engine refuses (it overlaps an operator's
     * policy of the same priority, ...) is logged and skipped: the rest of the demo goes on. One
     * refused because the same policy exists now is no fault: in a fabric every node's demo creates
     * the policies, and another node's creation got into the history first.
     *
     * @return how many were created, and the names of those refused for a fault
     */
    static Ensured ensure(PolicyService engine, List<Policy> policies) {
        int created = 0;
        List<String> refused = new ArrayList<>();
        for (Policy p : policies) {
            Optional<Policy> existing = engine.get(p.name());
            if (existing.isPresent()) {
                if (!existing.get().equals(p)) {
                    LOG.info("Demo policy {} exists with other settings and is left as it is ({}); fcr:policy-remove {}"
                            + " and a restart recreate it", p.name(), existing.get(), p.name());
                }
                continue;
            }
            try {
                engine.add(p);
                created++;
            } catch (ValidationException e) {
                if (engine.get(p.name()).filter(p::equals).isEmpty()) {
                    refused.add(p.name());
                    LOG.warn("Demo policy {} not created: {}", p.name(), e.getMessage());
                }
            }
        }
        return new Ensured(created, List.copyOf(refused));
    }

    /** What {@link #ensure} did: policies created, and the names of those the engine refused for a fault. */
    record Ensured(int created, List<String> refused) {
    }
}
