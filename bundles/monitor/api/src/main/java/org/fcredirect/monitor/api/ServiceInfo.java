package org.fcredirect.monitor.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One fc-redirect service as the OSGi service registry holds it.
 *
 * @param name the Declarative Services component name, else the first interface
 * @param interfaces the service's objectClass names
 * @param bundle the symbolic name of the bundle that registered it
 * @param pid the configuration PID whose settings it runs with ({@code service.pid}), while configured
 * @param mbean the ObjectName of its MBean, when it declares one ({@link MonitorService#MBEAN_PROPERTY})
 * @param status the worst status of the checks that speak for it; unknown without one
 * @param lastHeartbeat the latest successful run of those checks
 * @param checks the names of those checks
 */
public record ServiceInfo(long serviceId, String name, List<String> interfaces, String bundle, String bundleVersion,
        long bundleId, Optional<String> pid, Optional<String> mbean, HealthStatus status,
        Optional<Instant> lastHeartbeat, List<String> checks) {

    public ServiceInfo {
        Objects.requireNonNull(name, "name");
        interfaces = List.copyOf(interfaces);
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(bundleVersion, "bundleVersion");
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(mbean, "mbean");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
        checks = List.copyOf(checks);
    }
}
