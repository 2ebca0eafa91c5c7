package org.fcredirect.monitor.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the monitor, PID {@code org.fcredirect.monitor}. All apply at once, without a restart. */
@ObjectClassDefinition(name = "fc-redirect monitor",
        description = "Health checks, appliance heartbeats and appliance failover.")
public @interface MonitorConfig {

    @AttributeDefinition(name = "Check interval (ms)", min = "10", max = "86400000",
            description = "How often a health check runs, unless its service says otherwise (fcr.health.interval.ms).")
    long checkIntervalMs() default MonitorSettings.DEFAULT_CHECK_INTERVAL_MS;

    @AttributeDefinition(name = "Check timeout (ms)", min = "1", max = "86400000",
            description = "A run that has not returned by then is a failed run and is interrupted (fcr.health.timeout.ms)."
                    + " Capped at the interval.")
    long checkTimeoutMs() default MonitorSettings.DEFAULT_CHECK_TIMEOUT_MS;

    @AttributeDefinition(name = "Check failure threshold", min = "1", max = "1000",
            description = "Consecutive failed runs that make a target unhealthy (fcr.health.threshold).")
    int checkThreshold() default MonitorSettings.DEFAULT_CHECK_THRESHOLD;

    @AttributeDefinition(name = "Check workers", min = "1", max = "64",
            description = "Most checks running at once. A hung check holds one worker until it returns and is"
                    + " not started again meanwhile.")
    int checkWorkers() default MonitorSettings.DEFAULT_CHECK_WORKERS;

    @AttributeDefinition(name = "Appliance heartbeat interval (ms)", min = "10", max = "3600000",
            description = "How often appliances heartbeat; a heartbeat is missed once an interval passes without one.")
    long heartbeatIntervalMs() default MonitorSettings.DEFAULT_HEARTBEAT_INTERVAL_MS;

    @AttributeDefinition(name = "Missed heartbeats", min = "1", max = "1000",
            description = "Missed heartbeats that make an appliance unhealthy and fail its flows over.")
    int missedHeartbeats() default MonitorSettings.DEFAULT_MISSED_HEARTBEATS;

    @AttributeDefinition(name = "Failback on recovery",
            description = "When an unhealthy appliance heartbeats again, mark it healthy (its flows come back as the"
                    + " flow manager's failback setting says). Off: it stays unhealthy until fcr:appliance-recover.")
    boolean failbackOnRecovery() default true;

    @AttributeDefinition(name = "Storage probe (s)", min = "0", max = "86400",
            description = "When the event log has stored nothing for this long, the storage check appends a probe"
                    + " event to prove appends work. 0: never; the check then trusts the log's status alone.")
    int storageProbeSeconds() default MonitorSettings.DEFAULT_STORAGE_PROBE_SECONDS;
}
