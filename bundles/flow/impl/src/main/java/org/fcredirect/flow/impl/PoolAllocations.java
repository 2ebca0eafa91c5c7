package org.fcredirect.flow.impl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fcredirect.flow.api.ApplianceSpec;
import org.fcredirect.flow.api.PoolUse;
import org.fcredirect.flow.api.PortAllocation;

/** The {@link VirtualPortPool}s of every appliance, by appliance and VSAN. */
final class PoolAllocations {
    private final Map<String, Map<Integer, VirtualPortPool>> byAppliance = new HashMap<>();

    void add(ApplianceSpec spec) {
        Map<Integer, VirtualPortPool> pools = new TreeMap<>();
        spec.ports().forEach((vsan, p) -> pools.put(vsan.value(), VirtualPortPool.fixed(p)));
        spec.pools().forEach((vsan, p) -> pools.put(vsan.value(), VirtualPortPool.of(p)));
        byAppliance.put(spec.name(), pools);
    }

    void remove(String appliance) {
        byAppliance.remove(appliance);
    }

    /** The appliance's pool in the VSAN, or null when it has none there. */
    VirtualPortPool get(String appliance, int vsan) {
        Map<Integer, VirtualPortPool> pools = appliance == null ? null : byAppliance.get(appliance);
        return pools == null ? null : pools.get(vsan);
    }

    boolean hasRoom(String appliance, int vsan, long target, long host) {
        VirtualPortPool p = get(appliance, vsan);
        return p != null && p.hasRoom(target, host);
    }

    List<PoolUse> use(String appliance) {
        Map<Integer, VirtualPortPool> pools = byAppliance.getOrDefault(appliance, Map.of());
        return pools.values().stream().map(VirtualPortPool::use).toList();
    }

    List<PortAllocation> allocations(String appliance) {
        Map<Integer, VirtualPortPool> pools = byAppliance.getOrDefault(appliance, Map.of());
        return pools.values().stream().flatMap(p -> p.allocations().stream()).toList();
    }

    boolean anyWaiting() {
        for (Map<Integer, VirtualPortPool> m : byAppliance.values()) {
            for (VirtualPortPool p : m.values()) {
                if (p.waiting() > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
