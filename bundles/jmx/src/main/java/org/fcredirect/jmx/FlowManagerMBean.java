package org.fcredirect.jmx;

import java.util.Map;

/** {@code org.fcredirect:type=FlowManager}: flows by state, logins, appliances, and the operator's operations. */
public interface FlowManagerMBean {
    long getFlowCount();

    /** Flow count per state (pending, active, direct, dropped, bypassed, blocked). */
    Map<String, Long> getFlowCountByState();

    int getLoginCount();

    /** Whether the login table learns from the fabric logins the fast path punts. */
    boolean isLoginLearningEnabled();

    /** Ports logged in or moved by logins learned from the wire. */
    long getLoginsLearned();

    /** Ports logged out by logouts learned from the wire. */
    long getLogoutsLearned();

    /** Punted login frames ignored, by reason (forged, inconsistent, malformed). */
    Map<String, Long> getLoginFramesIgnored();

    int getApplianceCount();

    /** Names of the appliances marked unhealthy. */
    String[] getUnhealthyAppliances();

    /** Creates a flow from {@code vsan=10 initiator=... target=... [lun=..] [appliance=..] [failover=..]}; returns its id. */
    long createFlow(String spec);

    void deleteFlow(long id);

    /** The flow as {@code key=value} lines, or an error naming the id. */
    String showFlow(long id);

    void login(int vsan, String pwwn, String fcid);

    void logout(int vsan, String pwwn);
}
