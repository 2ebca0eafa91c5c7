package org.fcredirect.fabric.impl;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.fcredirect.fabric.api.NodeTarget;
import org.fcredirect.monitor.api.HealthStatus;

/**
 * A node's health from its heartbeats: unhealthy once silent longer than its own interval ×
 * missed heartbeats, or when it reports one of its checks unhealthy (an appliance's health is the
 * appliance's, not the node's).
 */
record NodeVerdict(HealthStatus status, String message) {
    static final String CHECK = "check";

    static NodeVerdict of(Duration silentFor, long timeoutMillis, List<NodeTarget> targets) {
        if (silentFor.toMillis() > timeoutMillis) {
            return new NodeVerdict(HealthStatus.UNHEALTHY, "no heartbeat for " + seconds(silentFor.toMillis())
                    + " (unhealthy after " + seconds(timeoutMillis) + ")");
        }
        return ofTargets(targets);
    }

    /** This node's verdict, or a heard node's while its heartbeats are current. */
    static NodeVerdict ofTargets(List<NodeTarget> targets) {
        List<NodeTarget> checks = targets.stream().filter(t -> CHECK.equals(t.kind())).toList();
        List<String> failing = checks.stream().filter(t -> t.status() == HealthStatus.UNHEALTHY)
                .map(NodeTarget::name).toList();
        if (!failing.isEmpty()) {
            return new NodeVerdict(HealthStatus.UNHEALTHY, failing.size() + " of " + checks.size()
                    + " checks unhealthy: " + failing.stream().collect(Collectors.joining(", ")));
        }
        long healthy = checks.stream().filter(t -> t.status() == HealthStatus.HEALTHY).count();
        long appliancesDown = targets.stream().filter(t -> !CHECK.equals(t.kind()) && t.status() == HealthStatus.UNHEALTHY)
                .count();
        return new NodeVerdict(HealthStatus.HEALTHY, healthy + " of " + checks.size() + " checks healthy"
                + (appliancesDown == 0 ? "" : ", " + appliancesDown + " appliance(s) unhealthy"));
    }

    static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
