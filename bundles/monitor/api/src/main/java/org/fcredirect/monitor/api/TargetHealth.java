package org.fcredirect.monitor.api;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The health of one target: a check or an appliance.
 *
 * @param since when the status last changed (when monitoring began, while unknown)
 * @param message the last run's message, or why an appliance is (un)healthy
 * @param details the last run's figures (an appliance: its heartbeat figures)
 * @param consecutiveFailures failed runs in a row (an appliance: heartbeats missed now)
 * @param lastRun when the last run finished or failed (an appliance: when it was last evaluated)
 * @param lastHealthy when the target last answered: the last successful run, the last heartbeat
 * @param provider the symbolic name of the bundle that registered the check; empty for an appliance
 * @param outageSimulated an appliance whose heartbeats are being ignored by
 *        {@link MonitorService#simulateFailure}
 */
public record TargetHealth(TargetKind kind, String name, HealthStatus status, Instant since, String message,
        Map<String, String> details, int consecutiveFailures, CheckTiming timing, Optional<Instant> lastRun,
        Optional<Instant> lastHealthy, Optional<String> provider, boolean outageSimulated) {

    public TargetHealth {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(message, "message");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(details, "details")));
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(lastRun, "lastRun");
        Objects.requireNonNull(lastHealthy, "lastHealthy");
        Objects.requireNonNull(provider, "provider");
    }
}
