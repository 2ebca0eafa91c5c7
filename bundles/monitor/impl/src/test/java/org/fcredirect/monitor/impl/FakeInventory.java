package org.fcredirect.monitor.impl;

import java.time.Instant;
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
import org.fcredirect.flow.api.VirtualPorts;

/** An appliance inventory that records the health calls the monitor makes, and can be told to fail them. */
final class FakeInventory implements ApplianceInventory {
    final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Appliance> appliances = new TreeMap<>();
    private volatile boolean failing;
    private long version;

    synchronized FakeInventory with(String... names) {
        for (String name : names) {
            int n = appliances.size() + 1;
            add(ApplianceSpec.builder(name).ports(new VirtualPorts(VsanId.of(10), Wwn.of(0x5000_0000_0000_0000L + n * 2L),
                    FcId.of(0x030000 + n * 16), Wwn.of(0x5000_0000_0000_0001L + n * 2L), FcId.of(0x030001 + n * 16)))
                    .build());
        }
        return this;
    }

    /** While on, every health call throws as a flow manager whose log fails would. */
    void failing(boolean on) {
        failing = on;
    }

    synchronized boolean healthy(String name) {
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

    @Override
    public long flowCount(String name) {
        return 0;
    }

    @Override
    public synchronized long version() {
        return version;
    }
}
