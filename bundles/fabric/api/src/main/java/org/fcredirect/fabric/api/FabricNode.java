package org.fcredirect.fabric.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.fcredirect.monitor.api.HealthStatus;

/**
 * One node of the fabric.
 *
 * @param local this node (its figures are read at the call, not from a heartbeat)
 * @param appliedSequence how far the node has applied the log: every event up to it is applied by
 *        every service that reports its progress; -1 when no service reports progress
 * @param lag positions of the log not yet applied ({@code logEnd - appliedSequence} as the node
 *        saw them when it sent the heartbeat); -1 when unknown
 * @param streams each reporting stream's last applied event, by stream name
 * @param status {@link HealthStatus#UNHEALTHY} once the node has been silent longer than its
 *        interval × missed heartbeats, or reports an unhealthy check; else healthy
 * @param health one line: why unhealthy, or its checks' summary
 * @param lastHeartbeat when its newest heartbeat was sent (capped at when it was heard); empty for
 *        this node
 * @param heartbeatAge time since then; zero for this node
 * @param timeout how long this node may stay silent before it is unhealthy (its interval × missed heartbeats)
 * @param targets its health checks and appliances as its monitor sees them
 * @param services its fc-redirect services
 */
public record FabricNode(String id, boolean local, NodeAddress address, long appliedSequence, long lag,
        Map<String, Long> streams, HealthStatus status, String health, Optional<Instant> lastHeartbeat,
        Duration heartbeatAge, Duration timeout, List<NodeTarget> targets, List<NodeService> services) {

    public FabricNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        streams = Collections.unmodifiableMap(new LinkedHashMap<>(streams));
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
        Objects.requireNonNull(heartbeatAge, "heartbeatAge");
        Objects.requireNonNull(timeout, "timeout");
        targets = List.copyOf(targets);
        services = List.copyOf(services);
    }
}
