package org.fcredirect.flow.impl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.fcredirect.fc.VsanId;
import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.ApplianceSpec;
import org.fcredirect.flow.api.PortPool;
import org.fcredirect.flow.api.VirtualPorts;

/**
 * The appliance inventory as an immutable value: every change makes a new registry with a higher
 * version, so the policy engine reads it without a lock while the flow manager changes it.
 */
final class ApplianceRegistry {
    static final ApplianceRegistry EMPTY = new ApplianceRegistry(Collections.emptyNavigableMap(), 0);

    private final Map<String, Appliance> byName;
    private final List<Appliance> list;
    private final long version;

    private ApplianceRegistry(Map<String, Appliance> byName, long version) {
        this.byName = byName;
        this.list = List.copyOf(byName.values());
        this.version = version;
    }

    long version() {
        return version;
    }

    Optional<Appliance> get(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /** By name. */
    List<Appliance> list() {
        return list;
    }

    /** {@code true} when the appliance exists, is healthy and has ports in the VSAN. */
    boolean usable(String name, int vsan) {
        Appliance a = name == null ? null : byName.get(name);
        return a != null && a.healthy() && a.serves(VsanId.of(vsan));
    }

    /** The healthy members of a group with ports in the VSAN, by name. */
    List<Appliance> usableMembers(String group, int vsan) {
        VsanId v = VsanId.of(vsan);
        List<Appliance> members = new ArrayList<>();
        for (Appliance a : list) {
            if (a.group().equals(group) && a.healthy() && a.serves(v)) {
                members.add(a);
            }
        }
        return members;
    }

    /** The appliance with a virtual port (fixed or in its pool) of this pWWN or FCID in the VSAN, if any. */
    Optional<Appliance> holderOf(VsanId vsan, long pwwn, int fcid) {
        for (Appliance a : list) {
            VirtualPorts p = a.ports().get(vsan);
            if (p != null && (p.vtPwwn().value() == pwwn || p.viPwwn().value() == pwwn || p.vtFcid().value() == fcid
                    || p.viFcid().value() == fcid)) {
                return Optional.of(a);
            }
            PortPool pool = a.spec().pools().get(vsan);
            if (pool != null && (pool.containsPwwn(pwwn) || pool.containsFcid(fcid))) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The appliance whose pool or fixed ports share an address with this pool, if any. */
    Optional<Appliance> overlapping(PortPool pool) {
        for (Appliance a : list) {
            PortPool other = a.spec().pools().get(pool.vsan());
            VirtualPorts p = a.ports().get(pool.vsan());
            if (other != null && other.overlaps(pool) || p != null && (pool.containsFcid(p.vtFcid().value())
                    || pool.containsFcid(p.viFcid().value()) || pool.containsPwwn(p.vtPwwn().value())
                    || pool.containsPwwn(p.viPwwn().value()))) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    ApplianceRegistry withAdded(ApplianceSpec spec, Instant at) {
        Map<String, Appliance> next = new TreeMap<>(byName);
        next.put(spec.name(), new Appliance(spec, true, Optional.empty(), at));
        return new ApplianceRegistry(Collections.unmodifiableMap(next), version + 1);
    }

    ApplianceRegistry withRemoved(String name) {
        Map<String, Appliance> next = new TreeMap<>(byName);
        next.remove(name);
        return new ApplianceRegistry(Collections.unmodifiableMap(next), version + 1);
    }

    ApplianceRegistry withHealth(String name, boolean healthy, String reason, Instant at) {
        Map<String, Appliance> next = new TreeMap<>(byName);
        Appliance a = next.get(name);
        next.put(name, new Appliance(a.spec(), healthy, healthy ? Optional.empty() : Optional.of(reason), at));
        return new ApplianceRegistry(Collections.unmodifiableMap(next), version + 1);
    }

    /** A registry as a snapshot held it. */
    static ApplianceRegistry of(List<Appliance> appliances, long version) {
        Map<String, Appliance> m = new TreeMap<>();
        appliances.forEach(a -> m.put(a.name(), a));
        return new ApplianceRegistry(Collections.unmodifiableMap(m), version);
    }
}
