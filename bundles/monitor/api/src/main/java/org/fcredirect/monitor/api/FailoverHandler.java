package org.fcredirect.monitor.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when a target becomes unhealthy and when it recovers (whiteboard: register it as an OSGi
 * service). Not told of a target's first healthy result. Handlers are called one at a time, in
 * transition order, on a thread of the monitor's that does nothing else: a slow handler delays
 * only the handlers' later calls, never the checks nor the appliance failover, which the monitor
 * performs itself through the appliance inventory.
 */
@ConsumerType
@FunctionalInterface
public interface FailoverHandler {

    /** @param transition {@link HealthTransition#failed()} or {@link HealthTransition#recovered()} */
    void healthChanged(HealthTransition transition);
}
