package org.fcredirect.fabric.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The fabric at one moment.
 *
 * @param localNode this node's id
 * @param shared {@code true} when the event log is shared and heartbeats travel (the Kafka log);
 *        {@code false} with a log only this node writes: {@link #nodes()} is this node alone
 * @param channel where heartbeats travel, or why there are none ("not in a fabric: ...")
 * @param channelFault why heartbeats cannot be sent or heard right now, if so
 * @param logEnd the event log's last sequence as this node reads it; -1 when the log cannot say
 * @param heartbeatIntervalMillis this node's heartbeat interval
 * @param missedHeartbeats heartbeats a node may miss before it is unhealthy (this node's setting)
 * @param nodes this node first, then the others by id
 */
public record FabricView(String localNode, boolean shared, String channel, Optional<String> channelFault,
        long logEnd, long heartbeatIntervalMillis, int missedHeartbeats, List<FabricNode> nodes) {

    public FabricView {
        Objects.requireNonNull(localNode, "localNode");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(channelFault, "channelFault");
        nodes = List.copyOf(nodes);
    }

    public Optional<FabricNode> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }
}
