package org.fcredirect.fabric.api;

import java.util.Objects;

import org.fcredirect.monitor.api.HealthStatus;

/** One fc-redirect service of a node, as its monitor lists it. */
public record NodeService(String name, String bundle, String version, HealthStatus status) {

    public NodeService {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(status, "status");
    }
}
