package org.fcredirect.fabric.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the fabric view, PID {@code org.fcredirect.fabric}. All apply at once, without a restart. */
@ObjectClassDefinition(name = "fc-redirect fabric",
        description = "This node's heartbeat to the other nodes sharing the event log, and how long a silent node stays healthy.")
public @interface FabricConfig {

    @AttributeDefinition(name = "Heartbeat interval (ms)", min = "100", max = "60000",
            description = "How often this node sends its heartbeat (id, address, applied sequence, health, services).")
    long heartbeatIntervalMillis() default FabricSettings.DEFAULT_INTERVAL_MILLIS;

    @AttributeDefinition(name = "Missed heartbeats", min = "1", max = "100",
            description = "Heartbeats this node may miss before the others call it unhealthy: it is unhealthy once"
                    + " silent for interval x this. Sent with each heartbeat, so every node judges it alike.")
    int missedHeartbeats() default FabricSettings.DEFAULT_MISSED_HEARTBEATS;

    @AttributeDefinition(name = "Advertised host",
            description = "The host name or address the other nodes' operators reach this node at. Empty: the SSH"
                    + " server's host from org.apache.karaf.shell, else this machine's name.")
    String advertisedHost() default "";
}
