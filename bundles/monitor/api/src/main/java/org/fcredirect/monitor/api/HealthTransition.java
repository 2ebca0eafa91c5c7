package org.fcredirect.monitor.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A target's status changed.
 *
 * @param reason why: the failing run's message, the missed heartbeats, the first good run
 */
public record HealthTransition(TargetKind kind, String target, HealthStatus from, HealthStatus to, String reason,
        Instant at) {

    public HealthTransition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }

    /** {@code true} when the target has just become unhealthy. */
    public boolean failed() {
        return to == HealthStatus.UNHEALTHY;
    }

    /** {@code true} when an unhealthy target has just become healthy again. */
    public boolean recovered() {
        return from == HealthStatus.UNHEALTHY && to == HealthStatus.HEALTHY;
    }
}
