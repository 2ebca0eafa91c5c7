package org.fcredirect.policy.impl;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.ApplianceInventory;
import org.fcredirect.flow.api.ApplianceSpec;
import org.fcredirect.flow.api.VirtualPorts;

/** An appliance inventory a test fills by hand, with loads it sets. */
final class FakeInventory implements ApplianceInventory {
    private final Map<String, Appliance> appliances = new TreeMap<>();
    private final Map<String, Long> loads = new HashMap<>();
    private long version;

    /** Adds a healthy appliance with ports in the given VSANs. */
    FakeInventory with(String name, String group, int weight, int... vsans) {
        ApplianceSpec.Builder b = ApplianceSpec.builder(name).group(group).weight(weight);
        int n = appliances.size() + 1;
        for (int v : vsans) {
            b.ports(new VirtualPorts(VsanId.of(v), Wwn.of(0x5000_0000_0000_0000L + n * 16L + v), FcId.of(0x030000 + n * 16),
                    Wwn.of(0x5000_0000_0001_0000L + n * 16L + v), FcId.of(0x030001 + n * 16)));
        }
        add(b.build());
        return this;
    }

    void load(String name, long flows) {
        loads.put(name, flows);
    }

    @Override
    public synchronized void add(ApplianceSpec spec) {
        appliances.put(spec.name(), new Appliance(spec, true, Optional.empty(), Instant.EPOCH));
        version++;
    }

    @Override
    public synchronized void remove(String name) {
        appliances.remove(name);
        version++;
    }

    @Override
    public synchronized Optional<Appliance> get(String name) {
        return Optional.ofNullable(appliances.get(name));
    }

    @Override
    public synchronized List<Appliance> list() {
        return List.copyOf(appliances.values());
    }

    @Override
    public synchronized void markUnhealthy(String name, String reason) {
        Appliance a = appliances.get(name);
        appliances.put(name, new Appliance(a.spec(), false, Optional.of(reason), Instant.EPOCH));
        version++;
    }

    @Override
    public synchronized void markHealthy(String name) {
        Appliance a = appliances.get(name);
        appliances.put(name, new Appliance(a.spec(), true, Optional.empty(), Instant.EPOCH));
        version++;
    }

    @Override
    public synchronized long flowCount(String name) {
        return loads.getOrDefault(name, 0L);
    }

    @Override
    public synchronized long version() {
        return version;
    }
}
