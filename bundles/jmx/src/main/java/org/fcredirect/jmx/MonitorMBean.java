package org.fcredirect.jmx;

/** {@code org.fcredirect:type=Monitor}: health of every check and appliance, the service registry view, outage simulation. */
public interface MonitorMBean {
    int getTargetCount();

    /** Names of the unhealthy targets, e.g. {@code check:storage}, {@code appliance:crypt-1}. */
    String[] getUnhealthyTargets();

    /** One line per target: kind, name, status, failures/threshold, message. */
    String[] getHealth();

    /** One line per fcr service: name, bundle and version, PID, MBean, status. */
    String[] getServices();

    String simulateApplianceFailure(String name);

    String simulateApplianceRecovery(String name);
}
