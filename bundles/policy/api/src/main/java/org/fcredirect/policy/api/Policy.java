package org.fcredirect.policy.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.fcredirect.flow.api.ApplianceSpec;
import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.flow.api.ValidationException;

/**
 * A rule that decides flows: the flows it matches get its action. Policies are evaluated in
 * ascending {@link #priority()} number; the first that matches decides. Two policies of the same
 * priority must not match a common flow.
 *
 * <p>A redirect names an appliance group and how to balance over it, and the failover mode its
 * flows get unless their spec says otherwise.
 */
public final class Policy {
    public static final String NAME = "name";
    public static final String PRIORITY = "priority";
    public static final String VSAN = "vsan";
    public static final String INITIATOR = "initiator";
    public static final String TARGET = "target";
    public static final String LUN = "lun";
    public static final String ACTION = "action";
    public static final String GROUP = "group";
    public static final String BALANCING = "balancing";
    public static final String FAILOVER = "failover";
    public static final String DESCRIPTION = "description";

    /** Every field name, in display order. */
    public static final List<String> FIELDS = List.of(NAME, PRIORITY, VSAN, INITIATOR, TARGET, LUN, ACTION, GROUP,
            BALANCING, FAILOVER, DESCRIPTION);

    public static final int MIN_PRIORITY = 0;
    public static final int MAX_PRIORITY = 65535;
    public static final int MAX_DESCRIPTION = 256;

    private final String name;
    private final int priority;
    private final PolicyMatch match;
    private final FlowAction action;
    private final String group;
    private final Balancing balancing;
    private final FailoverMode failover;
    private final String description;

    private Policy(Builder b) {
        name = ApplianceSpec.checkName(NAME, b.name);
        if (b.priority < MIN_PRIORITY || b.priority > MAX_PRIORITY) {
            throw new ValidationException(PRIORITY, b.priority, "must be " + MIN_PRIORITY + ".." + MAX_PRIORITY);
        }
        priority = b.priority;
        match = Objects.requireNonNull(b.match, "match");
        if (b.action == null) {
            throw new ValidationException(ACTION, "", "is missing; one of redirect, permit, drop");
        }
        action = b.action;
        if (action == FlowAction.REDIRECT) {
            group = ApplianceSpec.checkName(GROUP, b.group);
            balancing = b.balancing == null ? Balancing.TARGET_AFFINITY : b.balancing;
        } else {
            if (b.group != null) {
                throw new ValidationException(GROUP, b.group, "only a redirect names an appliance group");
            }
            if (b.balancing != null) {
                throw new ValidationException(BALANCING, b.balancing, "only a redirect balances");
            }
            group = null;
            balancing = null;
        }
        failover = b.failover == null ? FailoverMode.STANDBY : b.failover;
        if (b.description.length() > MAX_DESCRIPTION || b.description.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException(DESCRIPTION, b.description,
                    "must be at most " + MAX_DESCRIPTION + " characters without control characters");
        }
        description = b.description;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * A policy from field values as text, by the names of {@link #FIELDS} ({@code name} and
     * {@code action} required; an empty value is an absent optional field), e.g. name=enc
     * priority=10 vsan=10,20 initiator=20:00:00:25:b5:* target=* lun=0-9 action=redirect group=g1
     * balancing=target-affinity failover=block.
     */
    public static Policy fromFields(Map<String, String> fields) {
        Builder b = builder(fields.get(NAME));
        String vsans = "*";
        String initiator = "*";
        String target = "*";
        String lun = "*";
        for (Map.Entry<String, String> f : fields.entrySet()) {
            String v = f.getValue() == null ? "" : f.getValue().strip();
            switch (f.getKey()) {
                case NAME -> { }
                case PRIORITY -> b.priority(parsePriority(v));
                case VSAN -> vsans = v.isEmpty() ? "*" : v;
                case INITIATOR -> initiator = v.isEmpty() ? "*" : v;
                case TARGET -> target = v.isEmpty() ? "*" : v;
                case LUN -> lun = v.isEmpty() ? "*" : v;
                case ACTION -> b.action(FlowAction.parse(v));
                case GROUP -> b.group(v.isEmpty() ? null : v);
                case BALANCING -> b.balancing(v.isEmpty() ? null : Balancing.parse(v));
                case FAILOVER -> b.failover(v.isEmpty() ? null : FailoverMode.parse(v));
                case DESCRIPTION -> b.description(f.getValue());
                default -> throw new ValidationException(f.getKey(), v, "is not a policy field; the fields are "
                        + String.join(", ", FIELDS));
            }
        }
        return b.match(PolicyMatch.of(PolicyMatch.parseVsans(vsans), WwnPattern.parse(INITIATOR, initiator),
                WwnPattern.parse(TARGET, target), LunRange.parse(lun))).build();
    }

    private static int parsePriority(String v) {
        if (v.isEmpty() || v.length() > 5 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ValidationException(PRIORITY, v, "must be a number " + MIN_PRIORITY + ".." + MAX_PRIORITY);
        }
        return Integer.parseInt(v);
    }

    public String name() {
        return name;
    }

    /** Lower numbers are evaluated first. */
    public int priority() {
        return priority;
    }

    public PolicyMatch match() {
        return match;
    }

    public FlowAction action() {
        return action;
    }

    /** The appliance group of a redirect. */
    public Optional<String> group() {
        return Optional.ofNullable(group);
    }

    /** The balancing of a redirect. */
    public Optional<Balancing> balancing() {
        return Optional.ofNullable(balancing);
    }

    /** The failover mode of the flows it redirects, unless a flow's spec names one. */
    public FailoverMode failover() {
        return failover;
    }

    public String description() {
        return description;
    }

    /** {@code true} when some flow matches both this policy and {@code other} at the same priority. */
    public boolean conflictsWith(Policy other) {
        return priority == other.priority && !name.equals(other.name) && match.overlaps(other.match);
    }

    /** The fields as text by the names of {@link #FIELDS}; {@link #fromFields} reads them back. */
    public Map<String, String> toFields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(NAME, name);
        m.put(PRIORITY, Integer.toString(priority));
        m.put(VSAN, match.vsansText());
        m.put(INITIATOR, match.initiator().toString());
        m.put(TARGET, match.target().toString());
        m.put(LUN, match.lun().toString());
        m.put(ACTION, action.toString());
        m.put(GROUP, group == null ? "" : group);
        m.put(BALANCING, balancing == null ? "" : balancing.toString());
        m.put(FAILOVER, failover.toString());
        m.put(DESCRIPTION, description);
        return m;
    }

    public Builder toBuilder() {
        return builder(name).priority(priority).match(match).action(action).group(group).balancing(balancing)
                .failover(failover).description(description);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Policy p && name.equals(p.name) && priority == p.priority && match.equals(p.match)
                && action == p.action && Objects.equals(group, p.group) && balancing == p.balancing
                && failover == p.failover && description.equals(p.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, priority, match, action, group, balancing, failover, description);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        toFields().forEach((k, v) -> {
            if (!v.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v);
            }
        });
        return sb.toString();
    }

    /** Collects the fields of a {@link Policy}; {@link #build} validates them. */
    public static final class Builder {
        private final String name;
        private int priority = 100;
        private PolicyMatch match = PolicyMatch.all();
        private FlowAction action;
        private String group;
        private Balancing balancing;
        private FailoverMode failover;
        private String description = "";

        private Builder(String name) {
            this.name = name;
        }

        /** Default 100. */
        public Builder priority(int p) {
            priority = p;
            return this;
        }

        /** Default: every flow. */
        public Builder match(PolicyMatch m) {
            match = m;
            return this;
        }

        public Builder action(FlowAction a) {
            action = a;
            return this;
        }

        /** Required for a redirect, refused otherwise. */
        public Builder group(String g) {
            group = g;
            return this;
        }

        /** For a redirect; default target affinity. */
        public Builder balancing(Balancing b) {
            balancing = b;
            return this;
        }

        /** Default standby. */
        public Builder failover(FailoverMode f) {
            failover = f;
            return this;
        }

        public Builder description(String d) {
            description = d == null ? "" : d;
            return this;
        }

        /** Shorthand: redirect to {@code group} with {@code balancing}. */
        public Builder redirect(String g, Balancing b) {
            return action(FlowAction.REDIRECT).group(g).balancing(b);
        }

        /** @throws ValidationException naming the first field at fault */
        public Policy build() {
            return new Policy(this);
        }
    }
}
