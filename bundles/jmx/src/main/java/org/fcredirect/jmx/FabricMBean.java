package org.fcredirect.jmx;

import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

@Description("org.fcredirect:type=Fabric: the nodes sharing this node's event log, from their heartbeats, the figures of fcr:fabric.")
public interface FabricMBean {
    @Description("This node's id in the fabric ('local' with a log only this node writes).")
    String getLocalNode();

    @Description("The event log is shared and heartbeats travel (true/false); false: this node alone.")
    boolean isShared();

    @Description("Where the heartbeats travel, or why there are none.")
    String getChannel();

    @Description("Why heartbeats cannot be sent or heard right now; empty when they can.")
    String getChannelFault();

    @Description("The event log's last sequence as this node reads it; -1 when the log cannot say (sequence number).")
    long getLogEnd();

    @Description("This node's heartbeat interval (milliseconds).")
    long getHeartbeatIntervalMillis();

    @Description("Heartbeats a node may miss before it is unhealthy, this node's setting (heartbeats).")
    int getMissedHeartbeats();

    @Description("Nodes known, this one included (nodes).")
    int getNodeCount();

    @Description("Nodes unhealthy now: silent too long or reporting an unhealthy check (nodes).")
    int getUnhealthyNodeCount();

    @Description("Every node: id, address, applied sequence, lag, health, last heartbeat.")
    TabularData getNodes();

    @Description("One node's row; fails for a node not known.")
    CompositeData showNode(@Param(name = "nodeId", description = "The node's id, as fcr:fabric shows it") String nodeId);
}
