package org.fcredirect.monitor.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The monitor: the registry view of every fc-redirect service, the health of every check target
 * and appliance, and the appliances' heartbeats.
 *
 * <p>An appliance is monitored from its first heartbeat (or simulated failure) on. Once it has
 * missed the configured number of heartbeats it is unhealthy and the monitor marks it so in the
 * flow manager's appliance inventory, which fails its flows over by their failover modes; when
 * it heartbeats again the monitor marks it healthy (unless the monitor's failback setting is off:
 * then it stays unhealthy until {@link #simulateRecovery}). Every status change is an event on
 * the {@code monitor} stream of the event log.
 */
@ProviderType
public interface MonitorService {
    /** Bundles whose symbolic name starts with this hold the fc-redirect services. */
    String BUNDLE_PREFIX = "org.fcredirect.";

    /** Service property naming the ObjectName of the service's MBean, e.g. {@code org.fcredirect:type=Monitor}. */
    String MBEAN_PROPERTY = "fcr.mbean";

    /**
     * Every service that an fc-redirect bundle registers under an fc-redirect interface, by bundle
     * then service id; health checks and failover handlers are left out ({@link #health()} shows
     * the checks).
     */
    List<ServiceInfo> services();

    /** Every target: the checks by name, then the appliances of the inventory and those heartbeating, by name. */
    List<TargetHealth> health();

    Optional<TargetHealth> check(String name);

    Optional<TargetHealth> appliance(String name);

    /**
     * Records that an appliance is alive. Cheap: appliances (or the traffic generator simulating
     * them) call it once per heartbeat interval.
     *
     * @throws IllegalArgumentException for a name the appliance inventory does not know
     */
    void heartbeat(String appliance);

    /**
     * Simulates an outage: the appliance's heartbeats are ignored from now on, so it becomes
     * unhealthy once it has missed the threshold, as in a real outage.
     *
     * @return its health now
     * @throws IllegalArgumentException for a name the appliance inventory does not know
     */
    TargetHealth simulateFailure(String appliance);

    /**
     * Ends a simulated outage and clears an unhealthy status kept for the operator (failback
     * setting off): the appliance is healthy at once when its heartbeats are current or it never
     * sent any, else with its next heartbeat.
     *
     * @return its health now
     * @throws IllegalArgumentException for a name the appliance inventory does not know
     */
    TargetHealth simulateRecovery(String appliance);
}
