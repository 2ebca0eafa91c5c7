package org.fcredirect.monitor.impl;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.fcredirect.monitor.api.CheckTiming;
import org.fcredirect.monitor.api.HealthStatus;
import org.fcredirect.monitor.api.HealthTransition;
import org.fcredirect.monitor.api.TargetHealth;
import org.fcredirect.monitor.api.TargetKind;

/**
 * A target's health as the monitor decided it, and the figures behind it. Not thread-safe: its
 * owner (a check runner, an appliance watch) guards it, and hands each transition on while still
 * holding its lock, so the transitions of one target are seen in the order they happened.
 */
final class HealthRecord {
    private final TargetKind kind;
    private final String name;
    private HealthStatus status = HealthStatus.UNKNOWN;
    private Instant since;
    private String message;
    private Map<String, String> details = Map.of();
    private int consecutiveFailures;
    private Instant lastRun;
    private Instant lastHealthy;

    HealthRecord(TargetKind kind, String name, Instant start, String message) {
        this.kind = kind;
        this.name = name;
        this.since = start;
        this.message = message;
    }

    HealthStatus status() {
        return status;
    }

    /** A good run: the failure count starts over and the target is healthy. */
    void success(String text, Map<String, String> figures, Instant at, Consumer<HealthTransition> transitions) {
        consecutiveFailures = 0;
        lastRun = at;
        lastHealthy = at;
        settle(HealthStatus.HEALTHY, text, figures, at, transitions);
    }

    /** A failed run: at the threshold, the target is unhealthy; below it, its status stays. */
    void failure(String text, Map<String, String> figures, Instant at, int threshold,
            Consumer<HealthTransition> transitions) {
        consecutiveFailures++;
        lastRun = at;
        HealthStatus next = consecutiveFailures >= threshold ? HealthStatus.UNHEALTHY : status;
        String shown = next == HealthStatus.UNHEALTHY ? text
                : "failed " + consecutiveFailures + " of " + threshold + " times: " + text;
        settle(next, shown, figures, at, transitions);
    }

    /** Sets the failure count and the time of the last good sign directly (an appliance's missed heartbeats). */
    void counts(int failures, Optional<Instant> healthyAt, Instant evaluatedAt) {
        consecutiveFailures = failures;
        lastHealthy = healthyAt.orElse(null);
        lastRun = evaluatedAt;
    }

    /** Moves to {@code next}, telling {@code transitions} when that is a change. */
    void settle(HealthStatus next, String text, Map<String, String> figures, Instant at,
            Consumer<HealthTransition> transitions) {
        message = text;
        details = figures;
        if (next == status) {
            return;
        }
        HealthTransition t = new HealthTransition(kind, name, status, next, text, at);
        status = next;
        since = at;
        transitions.accept(t);
    }

    TargetHealth view(CheckTiming timing, Optional<String> provider, boolean outageSimulated) {
        return new TargetHealth(kind, name, status, since, message, details, consecutiveFailures, timing,
                Optional.ofNullable(lastRun), Optional.ofNullable(lastHealthy), provider, outageSimulated);
    }
}
