package org.fcredirect.monitor.impl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.fcredirect.monitor.api.CheckTiming;
import org.fcredirect.monitor.api.HealthCheck;
import org.osgi.framework.Constants;

/**
 * A health check service's properties, read leniently: a property that is not a number in range is
 * ignored in favour of the monitor's default, and said so in {@link #problems()}.
 *
 * @param name the {@link HealthCheck#NAME} property, else {@code check-<service id>}; with the
 *        service id appended when another check has it
 * @param declaredName the name the properties give
 * @param services the objectClass names the check speaks for; empty: its bundle's services
 * @param problems properties that were ignored, and why
 */
record CheckSpec(long serviceId, long bundleId, String name, String declaredName, OptionalLong intervalMs,
        OptionalLong timeoutMs, OptionalLong threshold, List<String> services, List<String> problems) {

    CheckSpec {
        services = List.copyOf(services);
        problems = List.copyOf(problems);
    }

    static CheckSpec from(Map<String, ?> properties) {
        long serviceId = ((Number) properties.get(Constants.SERVICE_ID)).longValue();
        Object bundle = properties.get(Constants.SERVICE_BUNDLEID);
        long bundleId = bundle instanceof Number n ? n.longValue() : -1;
        Object name = properties.get(HealthCheck.NAME);
        List<String> problems = new ArrayList<>();
        OptionalLong interval = number(properties, HealthCheck.INTERVAL_MS, MonitorSettings.MIN_INTERVAL_MS,
                MonitorSettings.MAX_INTERVAL_MS, problems);
        OptionalLong timeout = number(properties, HealthCheck.TIMEOUT_MS, 1, MonitorSettings.MAX_INTERVAL_MS, problems);
        OptionalLong threshold = number(properties, HealthCheck.THRESHOLD, 1, MonitorSettings.MAX_THRESHOLD, problems);
        String checkName = name instanceof String s && !s.isBlank() ? s.strip() : "check-" + serviceId;
        return new CheckSpec(serviceId, bundleId, checkName, checkName, interval, timeout, threshold,
                strings(properties.get(HealthCheck.SERVICE)), problems);
    }

    /** The check's own timing where it gives one, the defaults elsewhere; the timeout capped at the interval. */
    CheckTiming timing(CheckTiming defaults) {
        long interval = intervalMs.orElse(defaults.interval().toMillis());
        long timeout = timeoutMs.orElse(defaults.timeout().toMillis());
        return MonitorSettings.timing(interval, timeout, (int) threshold.orElse(defaults.threshold()));
    }

    CheckSpec renamed(String newName) {
        return new CheckSpec(serviceId, bundleId, newName, declaredName, intervalMs, timeoutMs, threshold, services,
                problems);
    }

    /** {@code true} when the properties the monitor reads say the same: other properties may have changed. */
    boolean sameCheck(CheckSpec other) {
        return declaredName.equals(other.declaredName) && intervalMs.equals(other.intervalMs)
                && timeoutMs.equals(other.timeoutMs) && threshold.equals(other.threshold)
                && services.equals(other.services);
    }

    private static OptionalLong number(Map<String, ?> properties, String key, long min, long max,
            List<String> problems) {
        Object v = properties.get(key);
        if (v == null) {
            return OptionalLong.empty();
        }
        long n;
        if (v instanceof Number number) {
            n = number.longValue();
        } else {
            try {
                n = Long.parseLong(String.valueOf(v).strip());
            } catch (NumberFormatException e) {
                problems.add(key + " '" + v + "': not a whole number");
                return OptionalLong.empty();
            }
        }
        if (n < min || n > max) {
            problems.add(key + " '" + v + "': must be " + min + ".." + max);
            return OptionalLong.empty();
        }
        return OptionalLong.of(n);
    }

    static List<String> strings(Object v) {
        if (v instanceof String s) {
            return List.of(s);
        }
        if (v instanceof String[] a) {
            return List.of(a);
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
