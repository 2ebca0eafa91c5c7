package org.fcredirect.monitor.impl;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.fcredirect.monitor.api.CheckTiming;
import org.fcredirect.monitor.api.HealthStatus;
import org.fcredirect.monitor.api.HealthTransition;
import org.fcredirect.monitor.api.TargetHealth;
import org.fcredirect.monitor.api.TargetKind;

/**
 * One appliance's heartbeats and the health they add up to. A heartbeat only writes two volatile
 * fields, so appliances may heartbeat as often as they like; the scheduler's tick does the
 * counting. Monitored while it heartbeats or while an outage is simulated.
 */
final class ApplianceWatch {
    private final String name;
    private final HealthRecord health;
    /** The last heartbeat counted; before the first one, when monitoring began. */
    private volatile long lastAcceptedMillis;
    /** The last heartbeat received, counted or not; -1 before the first. */
    private volatile long lastReceivedMillis = -1;
    private volatile boolean heartbeating;
    private volatile boolean outageSimulated;
    private boolean recoveredByOperator;

    ApplianceWatch(String name, Instant start) {
        this.name = name;
        this.lastAcceptedMillis = start.toEpochMilli();
        this.health = new HealthRecord(TargetKind.APPLIANCE, name, start, "no heartbeat yet");
    }

    String name() {
        return name;
    }

    /** Counts a heartbeat, unless an outage is simulated. */
    void heartbeat(long nowMillis) {
        lastReceivedMillis = nowMillis;
        if (!outageSimulated) {
            lastAcceptedMillis = nowMillis;
            heartbeating = true;
        }
    }

    /** Decides the appliance's health from the heartbeats missed by {@code now}. */
    synchronized void evaluate(Instant now, CheckTiming timing, boolean failback,
            Consumer<HealthTransition> transitions) {
        if (!heartbeating && !outageSimulated) {
            return;
        }
        long missed = Math.max(0, (now.toEpochMilli() - lastAcceptedMillis) / timing.interval().toMillis());
        int count = (int) Math.min(missed, Integer.MAX_VALUE);
        Optional<Instant> last = heartbeating ? Optional.of(Instant.ofEpochMilli(lastAcceptedMillis)) : Optional.empty();
        health.counts(count, last, now);
        Map<String, String> details = details(count, timing, last);
        String simulated = outageSimulated ? " (outage simulated)" : "";
        if (count >= timing.threshold()) {
            if (health.status() != HealthStatus.UNHEALTHY) {
                recoveredByOperator = false;
            }
            health.settle(HealthStatus.UNHEALTHY, "missed " + count + " heartbeats" + simulated, details, now,
                    transitions);
        } else if (!heartbeating) {
            health.settle(health.status(), "no heartbeat since monitoring began" + simulated, details, now,
                    transitions);
        } else if (health.status() == HealthStatus.UNHEALTHY && !failback && !recoveredByOperator) {
            health.settle(HealthStatus.UNHEALTHY, "heartbeating again; unhealthy until fcr:appliance-recover"
                    + " (failbackOnRecovery is off)", details, now, transitions);
        } else {
            health.settle(HealthStatus.HEALTHY, "heartbeating" + simulated, details, now, transitions);
        }
    }

    synchronized void simulateOutage() {
        outageSimulated = true;
    }

    /**
     * Ends a simulated outage and clears an unhealthy status kept for the operator. Heartbeats
     * received during the outage count again; an appliance that never sent one is healthy at once
     * and not monitored until it does.
     */
    synchronized void recover(Instant now, CheckTiming timing, boolean failback,
            Consumer<HealthTransition> transitions) {
        outageSimulated = false;
        recoveredByOperator = true;
        long received = lastReceivedMillis;
        if (received >= 0) {
            lastAcceptedMillis = Math.max(lastAcceptedMillis, received);
            heartbeating = true;
        }
        if (!heartbeating) {
            health.counts(0, Optional.empty(), now);
            health.settle(HealthStatus.HEALTHY, "recovered by the operator; not monitored until it heartbeats",
                    details(0, timing, Optional.empty()), now, transitions);
            return;
        }
        evaluate(now, timing, failback, transitions);
    }

    synchronized TargetHealth view(CheckTiming timing) {
        return health.view(timing, Optional.empty(), outageSimulated);
    }

    private Map<String, String> details(int missed, CheckTiming timing, Optional<Instant> last) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("lastHeartbeat", last.map(Instant::toString).orElse("none"));
        d.put("missed", missed + " of " + timing.threshold());
        d.put("outageSimulated", Boolean.toString(outageSimulated));
        return d;
    }
}
