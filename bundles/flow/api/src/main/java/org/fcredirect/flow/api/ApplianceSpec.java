package org.fcredirect.flow.api;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.fcredirect.fc.VsanId;

/**
 * An appliance as an operator declares it: a name, the group (cluster) whose members stand in for
 * each other, a weight for load balancing, and in each VSAN it serves either a {@link PortPool}
 * (a VT per target, a VI per host) or, as before pools, one fixed {@link VirtualPorts} pair that
 * every flow shares.
 */
public final class ApplianceSpec {
    /** Appliance and group names: a letter or digit, then up to 62 of letters, digits, {@code . _ -}. */
    public static final String NAME_RULE = "[A-Za-z0-9][A-Za-z0-9._-]{0,62}";
    public static final String DEFAULT_GROUP = "default";
    public static final int MIN_WEIGHT = 1;
    public static final int MAX_WEIGHT = 1000;

    private static final Pattern NAME = Pattern.compile(NAME_RULE);

    private final String name;
    private final String group;
    private final int weight;
    private final Map<VsanId, VirtualPorts> ports;
    private final Map<VsanId, PortPool> pools;

    private ApplianceSpec(Builder b) {
        name = checkName("name", b.name);
        group = checkName("group", b.group);
        if (b.weight < MIN_WEIGHT || b.weight > MAX_WEIGHT) {
            throw new ValidationException("weight", b.weight, "must be " + MIN_WEIGHT + ".." + MAX_WEIGHT);
        }
        weight = b.weight;
        if (b.ports.isEmpty() && b.pools.isEmpty()) {
            throw new ValidationException("ports", "", "an appliance needs a pool of virtual ports (or fixed ports) in at"
                    + " least one VSAN");
        }
        ports = Collections.unmodifiableMap(new TreeMap<>(b.ports));
        pools = Collections.unmodifiableMap(new TreeMap<>(b.pools));
    }

    /** @return name, when it follows {@link #NAME_RULE} */
    public static String checkName(String field, String name) {
        if (name == null || name.isEmpty()) {
            throw new ValidationException(field, "", "is missing");
        }
        if (!NAME.matcher(name).matches()) {
            throw new ValidationException(field, name, "must match " + NAME_RULE);
        }
        return name;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public String group() {
        return group;
    }

    public int weight() {
        return weight;
    }

    /** Virtual ports by VSAN, in VSAN order. */
    public Map<VsanId, VirtualPorts> ports() {
        return ports;
    }

    public Optional<VirtualPorts> portsIn(VsanId vsan) {
        return Optional.ofNullable(ports.get(vsan));
    }

    /** Pools of virtual port addresses by VSAN, in VSAN order. */
    public Map<VsanId, PortPool> pools() {
        return pools;
    }

    public Optional<PortPool> poolIn(VsanId vsan) {
        return Optional.ofNullable(pools.get(vsan));
    }

    /** {@code true} when the appliance has a pool or fixed ports in the VSAN. */
    public boolean serves(VsanId vsan) {
        return pools.containsKey(vsan) || ports.containsKey(vsan);
    }

    /** The VSANs it serves, in order. */
    public Set<VsanId> vsans() {
        Set<VsanId> all = new TreeSet<>(ports.keySet());
        all.addAll(pools.keySet());
        return Collections.unmodifiableSet(all);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApplianceSpec s && name.equals(s.name) && group.equals(s.group) && weight == s.weight
                && ports.equals(s.ports) && pools.equals(s.pools);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, group, weight, ports, pools);
    }

    @Override
    public String toString() {
        return name + " group=" + group + " weight=" + weight + (ports.isEmpty() ? "" : " ports="
                + List.copyOf(ports.values())) + (pools.isEmpty() ? "" : " pools=" + List.copyOf(pools.values()));
    }

    /** Collects the fields of an {@link ApplianceSpec}; {@link #build} validates them. */
    public static final class Builder {
        private final String name;
        private String group = DEFAULT_GROUP;
        private int weight = MIN_WEIGHT;
        private final Map<VsanId, VirtualPorts> ports = new TreeMap<>();
        private final Map<VsanId, PortPool> pools = new TreeMap<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder group(String g) {
            group = g;
            return this;
        }

        public Builder weight(int w) {
            weight = w;
            return this;
        }

        /** @throws ValidationException when the VSAN already has ports in this spec */
        public Builder ports(VirtualPorts p) {
            Objects.requireNonNull(p, "ports");
            if (pools.containsKey(p.vsan()) || ports.putIfAbsent(p.vsan(), p) != null) {
                throw new ValidationException("ports", p, "VSAN " + p.vsan() + " is given twice");
            }
            return this;
        }

        /** @throws ValidationException when the VSAN already has ports or a pool in this spec */
        public Builder pool(PortPool p) {
            Objects.requireNonNull(p, "pool");
            if (ports.containsKey(p.vsan()) || pools.putIfAbsent(p.vsan(), p) != null) {
                throw new ValidationException("pool", p, "VSAN " + p.vsan() + " is given twice");
            }
            return this;
        }

        public ApplianceSpec build() {
            return new ApplianceSpec(this);
        }
    }
}
