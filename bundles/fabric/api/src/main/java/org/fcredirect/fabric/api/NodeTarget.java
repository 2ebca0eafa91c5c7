package org.fcredirect.fabric.api;

import java.util.Objects;

import org.fcredirect.monitor.api.HealthStatus;

/**
 * One target of a node's monitor.
 *
 * @param kind {@code check} or {@code appliance}, as the monitor names it
 */
public record NodeTarget(String kind, String name, HealthStatus status, String message) {

    public NodeTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }
}
