package org.fcredirect.monitor.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A health check, registered by any bundle as an OSGi service (whiteboard). The monitor calls
 * {@link #check()} every interval on one of its worker threads and gives it a hard timeout: a run
 * that has not returned by then is a failed run, and the thread is interrupted. A check is never
 * called again while a previous call has not returned; each interval it is still hanging counts
 * as one more failure. A thrown exception is a failed run with the exception's message.
 *
 * <p>Service properties (all optional; the monitor's configuration gives the defaults):
 * <ul>
 * <li>{@link #NAME}: the target's name, shown by {@code fcr:health}; unique among checks
 * <li>{@link #INTERVAL_MS}, {@link #TIMEOUT_MS}: milliseconds, Long, Integer or decimal String
 * <li>{@link #THRESHOLD}: consecutive failed runs that make the target unhealthy
 * <li>{@link #SERVICE}: the objectClass names of the services the check speaks for, so that
 *     {@code fcr:services} shows their status; without it, the services of the bundle that
 *     registered the check
 * </ul>
 */
@ConsumerType
public interface HealthCheck {
    String NAME = "fcr.health.name";
    String INTERVAL_MS = "fcr.health.interval.ms";
    String TIMEOUT_MS = "fcr.health.timeout.ms";
    String THRESHOLD = "fcr.health.threshold";
    String SERVICE = "fcr.health.service";

    /**
     * Looks at the target once. Should answer well within the timeout and give up when interrupted.
     *
     * @return never null
     */
    HealthResult check() throws Exception;
}
