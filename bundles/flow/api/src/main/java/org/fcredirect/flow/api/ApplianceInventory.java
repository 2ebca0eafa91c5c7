package org.fcredirect.flow.api;

import java.util.List;
import java.util.Optional;

/**
 * The appliances flows can be redirected through, and their health. Marking an appliance
 * unhealthy fails its flows over, each by its {@link FailoverMode}; marking it healthy again
 * brings them back (standby flows move home when the flow manager's failback setting is on).
 * Every change method returns once the change and the failover it causes are durable.
 */
public interface ApplianceInventory {

    /**
     * @throws ValidationException for a name in use, or a virtual port or pool address whose pWWN
     *         or FCID another appliance or a logged-in port holds in that VSAN
     */
    void add(ApplianceSpec spec);

    /** @throws ValidationException while a flow is decided for or carried by the appliance */
    void remove(String name);

    Optional<Appliance> get(String name);

    /** Every appliance, by name. */
    List<Appliance> list();

    /** Fails the appliance's flows over. Marking an unhealthy appliance again changes nothing. */
    void markUnhealthy(String name, String reason);

    /** Brings the appliance's flows back. Marking a healthy appliance again changes nothing. */
    void markHealthy(String name);

    /** The use of each of its pools (and fixed port pairs), by VSAN; empty for an unknown appliance. */
    List<PoolUse> poolUse(String name);

    /** Its virtual ports in use: each VT with the target it stands for, each VI with its host. */
    List<PortAllocation> allocations(String name);

    /** How many flows the appliance carries now: the load that least-loaded balancing weighs. */
    long flowCount(String name);

    /**
     * A number that grows with every change of the inventory (an appliance added, removed, marked
     * healthy or unhealthy). A choice of appliance made at an older version may be stale.
     */
    long version();
}
