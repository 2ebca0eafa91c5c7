package org.fcredirect.monitor.impl;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.fcredirect.flow.api.ApplianceInventory;
import org.fcredirect.flow.api.NotFoundException;
import org.fcredirect.monitor.api.HealthStatus;
import org.fcredirect.monitor.api.HealthTransition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the appliance inventory follow the monitor's verdicts: {@code markUnhealthy} fails an
 * appliance's flows over by their failover modes, {@code markHealthy} brings them back. The
 * inventory does the failover; this class only calls it, on its own thread (the calls wait for
 * the event log), keeping the latest verdict per appliance until a call succeeds, so a verdict
 * reached while the flow manager is away or its log is failing is applied when it can be.
 */
final class ApplianceDriver {
    private static final Logger LOG = LoggerFactory.getLogger(ApplianceDriver.class);
    private static final int MAX_REASON = 200;

    private final Supplier<ApplianceInventory> inventory;
    private final Executor executor;
    private final ConcurrentMap<String, Verdict> pending = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private volatile boolean toldNoInventory;

    /** What the inventory should say of an appliance. */
    record Verdict(boolean healthy, String reason) {
    }

    ApplianceDriver(Supplier<ApplianceInventory> inventory, Executor executor) {
        this.inventory = inventory;
        this.executor = executor;
    }

    /** Takes an appliance's new status to the inventory. */
    void drive(HealthTransition t) {
        if (t.to() == HealthStatus.UNKNOWN) {
            return;
        }
        pending.put(t.target(), new Verdict(t.to() == HealthStatus.HEALTHY, reason(t.reason())));
        retryPending();
    }

    /** Tries again the verdicts not applied yet. */
    void retryPending() {
        if (pending.isEmpty() || !drainQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            drainQueued.set(false);  // the monitor is stopping
        }
    }

    /** Appliances whose verdict the inventory has not taken yet. */
    Set<String> pending() {
        return Set.copyOf(pending.keySet());
    }

    private void drain() {
        drainQueued.set(false);
        ApplianceInventory inv = inventory.get();
        if (inv == null) {
            if (!toldNoInventory) {
                toldNoInventory = true;
                LOG.warn("Appliance failover waiting: no appliance inventory (flow manager) is registered;"
                        + " {} verdicts pending", pending.size());
            }
            return;
        }
        toldNoInventory = false;
        for (Map.Entry<String, Verdict> e : pending.entrySet()) {
            apply(inv, e.getKey(), e.getValue());
        }
    }

    private void apply(ApplianceInventory inv, String name, Verdict verdict) {
        try {
            if (verdict.healthy()) {
                inv.markHealthy(name);
            } else {
                inv.markUnhealthy(name, verdict.reason());
            }
            pending.remove(name, verdict);
            if (failing.remove(name)) {
                LOG.info("Appliance {} marked {} in the inventory after retrying", name, status(verdict));
            }
        } catch (NotFoundException e) {
            pending.remove(name, verdict);
            LOG.warn("Appliance {} not marked {}: it is no longer in the inventory", name, status(verdict));
        } catch (RuntimeException e) {
            if (failing.add(name)) {
                LOG.warn("Appliance {} not marked {} in the inventory, retrying: {}", name, status(verdict),
                        e.getMessage());
            }
        }
    }

    private static String status(Verdict v) {
        return v.healthy() ? "healthy" : "unhealthy";
    }

    /** The inventory takes a short reason without control characters. */
    private static String reason(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() <= MAX_REASON ? clean : clean.substring(0, MAX_REASON - 3) + "...";
    }
}
