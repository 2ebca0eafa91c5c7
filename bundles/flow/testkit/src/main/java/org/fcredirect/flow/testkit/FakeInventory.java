package org.fcredirect.flow.testkit;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.ApplianceInventory;
import org.fcredirect.flow.api.ApplianceSpec;
import org.fcredirect.flow.api.NotFoundException;
import org.fcredirect.flow.api.NotStoredException;
import org.fcredirect.flow.api.PoolUse;
import org.fcredirect.flow.api.PortAllocation;
import org.fcredirect.flow.api.PortPool;
import org.fcredirect.flow.api.VirtualPorts;

/**
 * An appliance inventory a test fills by hand: loads it sets, the health calls it received
 * ({@link #calls}), and health calls that fail as those of an inventory whose log fails would.
 */
public final class FakeInventory implements ApplianceInventory {
    /** "healthy NAME" or "unhealthy NAME: REASON", in call order. */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Appliance> appliances = new TreeMap<>();
    private final Map<String, Long> loads = new HashMap<>();
    private volatile boolean failing;
    private long version;

    /** Adds healthy appliances of the default group with ports in VSAN 10. */
    public FakeInventory with(String... names) {
        for (String name : names) {
            with(name, ApplianceSpec.DEFAULT_GROUP, 1, 10);
        }
        return this;
    }

    /** Adds a healthy appliance with ports in the given VSANs. */
    public synchronized FakeInventory with(String name, String group, int weight, int... vsans) {
        ApplianceSpec.Builder b = ApplianceSpec.builder(name).group(group).weight(weight);
        int n = appliances.size() + 1;
        for (int v : vsans) {
            b.ports(new VirtualPorts(VsanId.of(v), Wwn.of(0x5000_0000_0000_0000L + n * 16L + v), FcId.of(0x030000 + n * 16),
                    Wwn.of(0x5000_0000_0001_0000L + n * 16L + v), FcId.of(0x030001 + n * 16)));
        }
        add(b.build());
        return this;
    }

    /** The flow count {@link #flowCount} answers for the appliance. */
    public synchronized void load(String name, long flows) {
        loads.put(name, flows);
    }

    /** While on, every health call throws {@link NotStoredException}. */
    public void failing(boolean on) {
        failing = on;
    }

    public synchronized boolean healthy(String name) {
        return appliances.get(name).healthy();
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
    public void markUnhealthy(String name, String reason) {
        mark(name, false, reason);
    }

    @Override
    public void markHealthy(String name) {
        mark(name, true, "");
    }

    private synchronized void mark(String name, boolean healthy, String reason) {
        calls.add(healthy ? "healthy " + name : "unhealthy " + name + ": " + reason);
        if (failing) {
            throw new NotStoredException("injected: the event log failed", null);
        }
        Appliance a = appliances.get(name);
        if (a == null) {
            throw new NotFoundException("name", name, "no such appliance");
        }
        if (a.healthy() != healthy) {
            appliances.put(name, new Appliance(a.spec(), healthy, healthy ? Optional.empty() : Optional.of(reason),
                    Instant.EPOCH));
            version++;
        }
    }

    /** Every pool unused: this inventory carries no flows. */
    @Override
    public synchronized List<PoolUse> poolUse(String name) {
        Appliance a = appliances.get(name);
        if (a == null) {
            return List.of();
        }
        return a.spec().vsans().stream().map(v -> new PoolUse(v, 0, a.poolIn(v).map(PortPool::size).orElse(2), 0))
                .toList();
    }

    /** None: this inventory carries no flows. */
    @Override
    public List<PortAllocation> allocations(String name) {
        return List.of();
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
