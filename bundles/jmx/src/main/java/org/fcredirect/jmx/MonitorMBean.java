package org.fcredirect.jmx;

import javax.management.openmbean.TabularData;

@Description("org.fcredirect:type=Monitor: health of every check and appliance, the service registry view, outage"
        + " simulation. Notifies every failure and recovery: fcr.monitor.health.unhealthy/healthy for a check,"
        + " fcr.monitor.appliance.failover/failback for an appliance.")
public interface MonitorMBean {
    @Description("Checks and appliances monitored (count).")
    int getTargetCount();

    @Description("The unhealthy targets as kind:name, e.g. check:storage, appliance:crypt-1.")
    String[] getUnhealthyTargets();

    @Description("One row per target: kind, name, status, consecutive failures against the threshold, message, since.")
    TabularData getHealth();

    @Description("One line per fcr service: name, bundle and version, configuration PID, MBean, status.")
    String[] getServices();

    @Description("Ignores the appliance's heartbeats from now on, as in a real outage: it fails over once it has"
            + " missed the threshold. Returns its status now (unknown, healthy, unhealthy).")
    String simulateApplianceFailure(@Param(name = "appliance", description = "The appliance's name, as fcr:appliances shows it") String name);

    @Description("Ends a simulated outage: the appliance is healthy again with its next heartbeat. Returns its status now.")
    String simulateApplianceRecovery(@Param(name = "appliance", description = "The appliance's name, as fcr:appliances shows it") String name);
}
