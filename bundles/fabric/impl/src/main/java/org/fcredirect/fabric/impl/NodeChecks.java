package org.fcredirect.fabric.impl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.fcredirect.monitor.api.HealthCheck;
import org.fcredirect.monitor.api.HealthResult;

/**
 * One health check per other node, named {@code fabric/<node id>}, so {@code fcr:health}, the
 * Monitor MBean and the failover handlers see the other nodes as they see any check. The check
 * only reads the verdict the heartbeats give (threshold 1: the heartbeat timeout is already
 * counted in it), at the heartbeat interval, so the monitor shows a silent node unhealthy at most
 * one interval after the view does.
 */
final class NodeChecks {
    static final String PREFIX = "fabric/";

    private final CheckRegistry registry;
    private final Function<String, HealthResult> verdict;
    private final Map<String, Runnable> registered = new HashMap<>();

    NodeChecks(CheckRegistry registry, Function<String, HealthResult> verdict) {
        this.registry = registry;
        this.verdict = verdict;
    }

    synchronized void add(String nodeId, long intervalMillis) {
        if (registered.containsKey(nodeId)) {
            return;
        }
        HealthCheck check = () -> verdict.apply(nodeId);
        registered.put(nodeId, registry.register(check, Map.of(
                HealthCheck.NAME, PREFIX + nodeId,
                HealthCheck.INTERVAL_MS, intervalMillis,
                HealthCheck.TIMEOUT_MS, intervalMillis,
                HealthCheck.THRESHOLD, 1,
                // speaks for no service of this node: a silent node says nothing about the Fabric service
                HealthCheck.SERVICE, "fabric node " + nodeId)));
    }

    synchronized List<String> nodes() {
        return registered.keySet().stream().sorted().toList();
    }

    /** Registers them again with a new interval. */
    synchronized void retime(long intervalMillis) {
        List<String> nodes = nodes();
        closeAll();
        nodes.forEach(n -> add(n, intervalMillis));
    }

    synchronized void closeAll() {
        registered.values().forEach(Runnable::run);
        registered.clear();
    }
}
