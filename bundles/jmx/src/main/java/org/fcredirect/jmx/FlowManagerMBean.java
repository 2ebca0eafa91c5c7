package org.fcredirect.jmx;

import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

@Description("org.fcredirect:type=FlowManager: flows by state, logins, appliances, and the operator's operations."
        + " Notifies fcr.flow.moved when a flow's frames take another way: another state or appliance (failover to a"
        + " standby, bypass or block, failback, a login or logout).")
public interface FlowManagerMBean {
    @Description("Flows defined (flows).")
    long getFlowCount();

    @Description("Flows per state: pending, active, direct, dropped, bypassed, blocked (flows).")
    TabularData getFlowCountByState();

    @Description("Ports logged in to the fabric (logins).")
    int getLoginCount();

    @Description("Whether the login table learns from the fabric logins the fast path punts (true/false).")
    boolean isLoginLearningEnabled();

    @Description("Ports logged in or moved by logins learned from the wire (logins).")
    long getLoginsLearned();

    @Description("Ports logged out by logouts learned from the wire (logouts).")
    long getLogoutsLearned();

    @Description("Punted login frames ignored, by reason: forged, inconsistent or malformed (frames).")
    TabularData getLoginFramesIgnored();

    @Description("Appliances in the inventory (count).")
    int getApplianceCount();

    @Description("One row per appliance: name, group, weight, healthy, why not, since when.")
    TabularData getAppliances();

    @Description("Names of the appliances marked unhealthy.")
    String[] getUnhealthyAppliances();

    @Description("One row per appliance and VSAN: virtual port addresses in use (VTs and VIs), the pool's size"
            + " (2 for a fixed VT/VI pair) and the flows waiting for a free address.")
    TabularData getVirtualPorts();

    @Description("Redirected flows that found no free virtual port on their appliance, all appliances (flows).")
    long getFlowsWaitingForVirtualPort();

    @Description("Creates a flow; returns its id.")
    long createFlow(@Param(name = "spec", description = "vsan=10 initiator=<pWWN> target=<pWWN> [lun=<n>]"
            + " [appliance=<name>] [failover=standby|bypass|block]") String spec);

    @Description("Deletes a flow: its frames take the path the policy decides for unknown flows.")
    void deleteFlow(@Param(name = "flowId", description = "The flow's id, as fcr:flows shows it") long id);

    @Description("One flow: its ends, state, decision, appliance, failover mode, resolved FCIDs; fails for an unknown id.")
    CompositeData showFlow(@Param(name = "flowId", description = "The flow's id, as fcr:flows shows it") long id);

    @Description("Records a fabric login, as the FLOGI/FDISC accept would: flows of that port resolve.")
    void login(@Param(name = "vsan", description = "VSAN number, 1..4094") int vsan,
            @Param(name = "pwwn", description = "Port WWN, e.g. 21:00:00:24:ff:00:00:01") String pwwn,
            @Param(name = "fcid", description = "The FCID the fabric gave the port, e.g. 0x010100") String fcid);

    @Description("Records a fabric logout: flows of that port go pending.")
    void logout(@Param(name = "vsan", description = "VSAN number, 1..4094") int vsan,
            @Param(name = "pwwn", description = "Port WWN, e.g. 21:00:00:24:ff:00:00:01") String pwwn);
}
