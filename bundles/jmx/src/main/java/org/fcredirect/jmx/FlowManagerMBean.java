package org.fcredirect.jmx;

import java.util.Map;

/** {@code org.fcredirect:type=FlowManager}: flows by state, logins, appliances, and the operator's operations. */
public interface FlowManagerMBean {
    long getFlowCount();

    /** Flow count per state (pending, active, direct, dropped, bypassed, blocked). */
    Map<String, Long> getFlowCountByState();

    int getLoginCount();

    int getApplianceCount();

    /** Names of the appliances marked unhealthy. */
    String[] getUnhealthyAppliances();

    /** Virtual port addresses in use (VTs and VIs) per {@code APPLIANCE/VSAN}. */
    Map<String, Long> getVirtualPortsInUse();

    /** Virtual port addresses per {@code APPLIANCE/VSAN}: the pool's size, 2 for a fixed VT/VI pair. */
    Map<String, Long> getVirtualPortsTotal();

    /** Redirected flows that found no free virtual port on their appliance, over all appliances. */
    long getFlowsWaitingForVirtualPort();

    /** Creates a flow from {@code vsan=10 initiator=... target=... [lun=..] [appliance=..] [failover=..]}; returns its id. */
    long createFlow(String spec);

    void deleteFlow(long id);

    /** The flow as {@code key=value} lines, or an error naming the id. */
    String showFlow(long id);

    void login(int vsan, String pwwn, String fcid);

    void logout(int vsan, String pwwn);
}
