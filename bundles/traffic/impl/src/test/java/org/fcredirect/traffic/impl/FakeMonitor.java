package org.fcredirect.traffic.impl;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.fcredirect.monitor.api.CheckTiming;
import org.fcredirect.monitor.api.HealthStatus;
import org.fcredirect.monitor.api.MonitorService;
import org.fcredirect.monitor.api.ServiceInfo;
import org.fcredirect.monitor.api.TargetHealth;
import org.fcredirect.monitor.api.TargetKind;

/**
 * The monitor as far as appliance heartbeats go: it records every heartbeat with the calling
 * thread, refuses names its inventory does not know (as the real one does) and, like the real
 * one, ignores the heartbeats of an appliance whose outage is simulated. Registry views are not
 * needed by the fast path and are refused.
 */
final class FakeMonitor implements MonitorService {
    record Beat(String appliance, String thread) {
    }

    private final Predicate<String> inventory;
    private final List<Beat> beats = new ArrayList<>();
    private final Set<String> outages = new HashSet<>();
    private final List<String> accepted = new ArrayList<>();
    volatile Duration interval = Duration.ofMillis(1000);

    /** @param inventory the names the appliance inventory knows */
    FakeMonitor(Predicate<String> inventory) {
        this.inventory = inventory;
    }

    @Override
    public synchronized void heartbeat(String appliance) {
        if (!inventory.test(appliance)) {
            throw new IllegalArgumentException("appliance '" + appliance + "' is not in the inventory");
        }
        beats.add(new Beat(appliance, Thread.currentThread().getName()));
        if (!outages.contains(appliance)) {
            accepted.add(appliance);
        }
    }

    @Override
    public synchronized TargetHealth simulateFailure(String appliance) {
        outages.add(appliance);
        return appliance(appliance).orElseThrow();
    }

    @Override
    public synchronized TargetHealth simulateRecovery(String appliance) {
        outages.remove(appliance);
        return appliance(appliance).orElseThrow();
    }

    @Override
    public Optional<TargetHealth> appliance(String name) {
        if (!inventory.test(name)) {
            return Optional.empty();
        }
        boolean outage;
        synchronized (this) {
            outage = outages.contains(name);
        }
        return Optional.of(new TargetHealth(TargetKind.APPLIANCE, name, HealthStatus.UNKNOWN, Instant.EPOCH, "fake",
                Map.of(), 0, new CheckTiming(interval, interval, 3), Optional.empty(), Optional.empty(),
                Optional.empty(), outage));
    }

    synchronized List<Beat> beats() {
        return new ArrayList<>(beats);
    }

    synchronized long beats(String appliance) {
        return beats.stream().filter(b -> b.appliance().equals(appliance)).count();
    }

    /** Heartbeats the monitor counted (not ignored for a simulated outage). */
    synchronized long accepted(String appliance) {
        return accepted.stream().filter(appliance::equals).count();
    }

    @Override
    public List<ServiceInfo> services() {
        throw new UnsupportedOperationException("the fast path never lists services");
    }

    @Override
    public List<TargetHealth> health() {
        throw new UnsupportedOperationException("the fast path never lists targets");
    }

    @Override
    public Optional<TargetHealth> check(String name) {
        throw new UnsupportedOperationException("the fast path never reads checks");
    }
}
