package org.fcredirect.monitor.impl;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.ApplianceInventory;
import org.fcredirect.monitor.api.CheckTiming;
import org.fcredirect.monitor.api.HealthStatus;
import org.fcredirect.monitor.api.HealthTransition;
import org.fcredirect.monitor.api.TargetHealth;
import org.fcredirect.monitor.api.TargetKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliances' heartbeats: a watch per appliance from its first heartbeat (or simulated
 * outage) on, evaluated on every tick. An appliance that leaves the inventory is forgotten.
 */
final class ApplianceMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(ApplianceMonitor.class);

    private final ConcurrentMap<String, ApplianceWatch> watches = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Supplier<ApplianceInventory> inventory;
    private final MonitorEvents events;
    private final Consumer<HealthTransition> transitions;
    private final Supplier<Set<String>> pendingVerdicts;
    private volatile MonitorSettings settings;

    /** @param pendingVerdicts the appliances whose verdict the inventory has not taken yet */
    ApplianceMonitor(Clock clock, Supplier<ApplianceInventory> inventory, MonitorEvents events,
            Consumer<HealthTransition> transitions, Supplier<Set<String>> pendingVerdicts, MonitorSettings settings) {
        this.clock = clock;
        this.inventory = inventory;
        this.events = events;
        this.transitions = transitions;
        this.pendingVerdicts = pendingVerdicts;
        this.settings = settings;
    }

    void settings(MonitorSettings next) {
        settings = next;
    }

    void heartbeat(String name) {
        ApplianceWatch w = watches.get(name);
        if (w == null) {
            w = watch(name);
        }
        w.heartbeat(clock.millis());
    }

    /** Evaluates every watch; forgets the appliances the inventory no longer has. */
    void tick() {
        Instant now = clock.instant();
        MonitorSettings s = settings;
        ApplianceInventory inv = inventory.get();
        for (ApplianceWatch w : watches.values()) {
            if (inv != null && inv.get(w.name()).isEmpty()) {
                if (watches.remove(w.name(), w)) {
                    LOG.info("Appliance {} left the inventory: no longer monitored", w.name());
                }
                continue;
            }
            w.evaluate(now, s.appliances(), s.failbackOnRecovery(), transitions);
        }
    }

    TargetHealth simulateFailure(String name) {
        ApplianceWatch w = watch(name);
        w.simulateOutage();
        Instant now = clock.instant();
        events.outage(name, true, now);
        CheckTiming timing = settings.appliances();
        LOG.info("Appliance {}: outage simulated, its heartbeats are ignored; unhealthy after {} missed ({} ms)", name,
                timing.threshold(), timing.detection().toMillis());
        return w.view(timing);
    }

    TargetHealth simulateRecovery(String name) {
        ApplianceWatch w = watch(name);
        Instant now = clock.instant();
        MonitorSettings s = settings;
        events.outage(name, false, now);
        w.recover(now, s.appliances(), s.failbackOnRecovery(), transitions);
        TargetHealth h = w.view(s.appliances());
        LOG.info("Appliance {}: outage ended by the operator, now {}", name, h.status());
        return h;
    }

    Optional<TargetHealth> view(String name) {
        ApplianceWatch w = watches.get(name);
        if (w != null) {
            return Optional.of(withVerdict(w.view(settings.appliances()), pendingVerdicts.get()));
        }
        ApplianceInventory inv = inventory.get();
        return inv == null ? Optional.empty() : inv.get(name).map(this::unwatched);
    }

    /** Every watched appliance and every other one of the inventory, by name. */
    List<TargetHealth> views() {
        Map<String, TargetHealth> byName = new TreeMap<>();
        CheckTiming timing = settings.appliances();
        Set<String> pending = pendingVerdicts.get();
        watches.values().forEach(w -> byName.put(w.name(), withVerdict(w.view(timing), pending)));
        ApplianceInventory inv = inventory.get();
        if (inv != null) {
            inv.list().forEach(a -> byName.computeIfAbsent(a.name(), n -> unwatched(a)));
        }
        return new ArrayList<>(byName.values());
    }

    /** Says so when the inventory has not taken the monitor's verdict yet (flow manager away, log failing). */
    private static TargetHealth withVerdict(TargetHealth h, Set<String> pending) {
        if (!pending.contains(h.name())) {
            return h;
        }
        Map<String, String> details = new LinkedHashMap<>(h.details());
        details.put("failover", "pending: the appliance inventory has not taken this status yet");
        return new TargetHealth(h.kind(), h.name(), h.status(), h.since(), h.message(), details,
                h.consecutiveFailures(), h.timing(), h.lastRun(), h.lastHealthy(), h.provider(), h.outageSimulated());
    }

    private TargetHealth unwatched(Appliance a) {
        String inInventory = a.healthy() ? "healthy" : "unhealthy: " + a.unhealthyReason().orElse("");
        return new TargetHealth(TargetKind.APPLIANCE, a.name(), HealthStatus.UNKNOWN, a.healthSince(),
                "no heartbeat received; marked " + inInventory + " in the inventory", Map.of("inventory", inInventory),
                0, settings.appliances(), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    private ApplianceWatch watch(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("appliance name is missing");
        }
        ApplianceInventory inv = inventory.get();
        if (inv != null && inv.get(name).isEmpty()) {
            throw new IllegalArgumentException("appliance '" + name + "' is not in the inventory");
        }
        return watches.computeIfAbsent(name, n -> new ApplianceWatch(n, clock.instant()));
    }
}
