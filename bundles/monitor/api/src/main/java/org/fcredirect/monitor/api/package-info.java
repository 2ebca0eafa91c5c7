/**
 * The monitor's API: a view of every fc-redirect service in the OSGi service registry, health
 * checks and failover handlers as whiteboard services, and appliance heartbeats.
 *
 * <p>A bundle adds a check by registering a {@link org.fcredirect.monitor.api.HealthCheck}
 * service; with Declarative Services:
 *
 * <pre>
 * &#64;Component(property = {HealthCheck.NAME + "=fastpath", HealthCheck.INTERVAL_MS + ":Long=1000"})
 * public class WorkersAdvancing implements HealthCheck { ... }
 * </pre>
 *
 * The monitor runs it on its own schedule with a hard timeout; consecutive failures at the
 * threshold make the target unhealthy and fire every
 * {@link org.fcredirect.monitor.api.FailoverHandler}.
 */
@Export
@Version("1.0.0")
package org.fcredirect.monitor.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
