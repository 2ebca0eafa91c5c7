package org.fcredirect.monitor.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.fcredirect.monitor.api.FailoverHandler;
import org.fcredirect.monitor.api.HealthCheck;
import org.fcredirect.monitor.api.HealthStatus;
import org.fcredirect.monitor.api.MonitorService;
import org.fcredirect.monitor.api.ServiceInfo;
import org.fcredirect.monitor.api.TargetHealth;
import org.osgi.framework.Constants;

/** Joins the registered fc-redirect services with the checks that speak for them. */
final class ServiceCatalog {
    static final String COMPONENT_NAME = "component.name";

    /** A check's claim: which services it covers, and its current health. */
    record Coverage(CheckSpec spec, TargetHealth health) {

        boolean covers(RegisteredService s) {
            return spec.services().isEmpty() ? spec.bundleId() == s.bundleId()
                    : s.interfaces().stream().anyMatch(spec.services()::contains);
        }
    }

    private ServiceCatalog() {
    }

    static List<ServiceInfo> build(List<RegisteredService> services, List<Coverage> checks) {
        List<ServiceInfo> infos = new ArrayList<>();
        for (RegisteredService s : services) {
            if (!listed(s)) {
                continue;
            }
            List<Coverage> covering = checks.stream().filter(c -> c.covers(s)).toList();
            infos.add(new ServiceInfo(s.serviceId(), name(s), s.interfaces(), s.bundle(), s.bundleVersion(),
                    s.bundleId(), first(s.properties().get(Constants.SERVICE_PID)),
                    first(s.properties().get(MonitorService.MBEAN_PROPERTY)), status(covering),
                    covering.stream().map(c -> c.health().lastHealthy()).flatMap(Optional::stream)
                            .max(Comparator.naturalOrder()),
                    covering.stream().map(c -> c.spec().name()).sorted().toList()));
        }
        infos.sort(Comparator.comparing(ServiceInfo::bundle).thenComparingLong(ServiceInfo::serviceId));
        return infos;
    }

    /**
     * An fc-redirect service offers an fc-redirect interface besides the whiteboard ones: a
     * component that is only a check or a handler is shown by {@code health()}, and what the
     * framework registers for a bundle (SCR's ManagedService for its metatype) is no service of ours.
     */
    private static boolean listed(RegisteredService s) {
        return s.interfaces().stream().anyMatch(i -> i.startsWith(MonitorService.BUNDLE_PREFIX)
                && !i.equals(HealthCheck.class.getName()) && !i.equals(FailoverHandler.class.getName()));
    }

    private static String name(RegisteredService s) {
        return s.properties().get(COMPONENT_NAME) instanceof String n ? n : s.interfaces().get(0);
    }

    /** Unhealthy when one covering check is; healthy when all are; unknown otherwise. */
    private static HealthStatus status(List<Coverage> covering) {
        if (covering.isEmpty()) {
            return HealthStatus.UNKNOWN;
        }
        List<HealthStatus> states = covering.stream().map(c -> c.health().status()).toList();
        if (states.contains(HealthStatus.UNHEALTHY)) {
            return HealthStatus.UNHEALTHY;
        }
        return states.stream().allMatch(HealthStatus.HEALTHY::equals) ? HealthStatus.HEALTHY : HealthStatus.UNKNOWN;
    }

    private static Optional<String> first(Object value) {
        return CheckSpec.strings(value).stream().findFirst();
    }
}
