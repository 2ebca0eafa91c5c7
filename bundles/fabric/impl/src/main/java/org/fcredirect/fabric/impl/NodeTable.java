package org.fcredirect.fabric.impl;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.fcredirect.fabric.api.FabricNode;
import org.fcredirect.fabric.api.Heartbeat;

/**
 * The newest heartbeat heard from each other node. A heartbeat counts from when it was sent, but
 * never from later than when it was heard: a node whose clock runs ahead cannot look fresher than
 * it is, and the last heartbeat of a node long gone, read again from the channel, is stale at once.
 */
final class NodeTable {
    /** A heartbeat and the instant it counts from. */
    record Heard(Heartbeat heartbeat, Instant at) {
    }

    private final Map<String, Heard> nodes = new ConcurrentHashMap<>();

    /** @return {@code true} when this is the first heartbeat heard from the node */
    boolean heard(Heartbeat h, Instant receivedAt) {
        Instant at = h.sentAt().isBefore(receivedAt) ? h.sentAt() : receivedAt;
        Heard before = nodes.get(h.nodeId());
        nodes.merge(h.nodeId(), new Heard(h, at),
                (old, now) -> now.heartbeat().sentAt().isBefore(old.heartbeat().sentAt()) ? old : now);
        return before == null;
    }

    Optional<Heard> get(String nodeId) {
        return Optional.ofNullable(nodes.get(nodeId));
    }

    void clear() {
        nodes.clear();
    }

    /** Every node heard, by id, judged at {@code now}. */
    List<FabricNode> view(Instant now) {
        return nodes.values().stream().sorted(Comparator.comparing(h -> h.heartbeat().nodeId()))
                .map(h -> node(h, now)).toList();
    }

    Optional<FabricNode> view(String nodeId, Instant now) {
        return get(nodeId).map(h -> node(h, now));
    }

    static FabricNode node(Heard heard, Instant now) {
        Heartbeat h = heard.heartbeat();
        Duration age = Duration.between(heard.at(), now);
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        NodeVerdict verdict = NodeVerdict.of(age, h.timeoutMillis(), h.targets());
        long lag = h.appliedSequence() < 0 || h.logEnd() < 0 ? -1 : Math.max(0, h.logEnd() - h.appliedSequence());
        return new FabricNode(h.nodeId(), false, h.address(), h.appliedSequence(), lag, h.streams(), verdict.status(),
                verdict.message(), Optional.of(heard.at()), age, Duration.ofMillis(h.timeoutMillis()), h.targets(),
                h.services());
    }
}
