package org.fcredirect.monitor.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one run of a {@link HealthCheck} found.
 *
 * @param message one line for an operator, e.g. "3 workers advancing" or "appends failing: disk full"
 * @param details figures behind the message, by name, in the order given
 */
public record HealthResult(boolean healthy, String message, Map<String, String> details) {

    public HealthResult {
        Objects.requireNonNull(message, "message");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(details, "details")));
    }

    public static HealthResult healthy(String message) {
        return new HealthResult(true, message, Map.of());
    }

    public static HealthResult healthy(String message, Map<String, String> details) {
        return new HealthResult(true, message, details);
    }

    public static HealthResult unhealthy(String message) {
        return new HealthResult(false, message, Map.of());
    }

    public static HealthResult unhealthy(String message, Map<String, String> details) {
        return new HealthResult(false, message, details);
    }
}
