package org.fcredirect.fabric.impl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.fcredirect.fabric.api.Fabric;
import org.fcredirect.fabric.api.FabricNode;
import org.fcredirect.fabric.api.FabricView;
import org.fcredirect.fabric.api.Heartbeat;
import org.fcredirect.fabric.api.HeartbeatChannel;
import org.fcredirect.fabric.api.MalformedHeartbeatException;
import org.fcredirect.fabric.api.NodeService;
import org.fcredirect.fabric.api.NodeTarget;
import org.fcredirect.monitor.api.HealthResult;
import org.fcredirect.monitor.api.HealthStatus;
import org.fcredirect.monitor.api.MonitorService;
import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.StreamProgress;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fabric as this node sees it. Every interval, on its thread {@value #THREAD}, it sends this
 * node's heartbeat on the event log's {@link HeartbeatChannel}; it hears the other nodes' there,
 * registers a health check for each, and answers {@link #view()} from both. Without a channel
 * (the local file log) the view is this node alone. Every reference is optional and dynamic: the
 * view says what is missing rather than go away.
 */
@Component(service = Fabric.class, configurationPid = FabricManager.PID, immediate = true,
        property = MonitorService.MBEAN_PROPERTY + "=org.fcredirect:type=Fabric")
@Designate(ocd = FabricConfig.class)
public class FabricManager implements Fabric {
    static final String PID = "org.fcredirect.fabric";
    static final String THREAD = "fcr-fabric-heartbeat";
    private static final Logger LOG = LoggerFactory.getLogger(FabricManager.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventLog log;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MonitorService monitor;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ConfigurationAdmin configAdmin;

    private final Set<StreamProgress> progress = ConcurrentHashMap.newKeySet();

    private final Clock clock;
    private final NodeTable table = new NodeTable();
    private final LocalProgress local = new LocalProgress();
    private final NodeChecks checks;
    private final ScheduledExecutorService timer;
    private final Set<String> warnedKeys = ConcurrentHashMap.newKeySet();
    private volatile FabricSettings settings;
    private volatile HeartbeatChannel channel;
    private AutoCloseable listening;
    private ScheduledFuture<?> beating;
    private String lastProblem;

    @Activate
    public FabricManager(BundleContext context, FabricConfig config) {
        this(Clock.systemUTC(), settingsOf(config), new BundleCheckRegistry(context), timer());
        schedule();
        LOG.info("Fabric view started: {}", settings);
    }

    /** For tests: any clock and check registry; {@code timer} null sends no heartbeat but by {@link #beat()}. */
    FabricManager(Clock clock, FabricSettings settings, CheckRegistry registry, ScheduledExecutorService timer) {
        this.clock = clock;
        this.settings = settings;
        this.checks = new NodeChecks(registry, this::nodeHealth);
        this.timer = timer;
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, THREAD);
            thread.setDaemon(true);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    private static FabricSettings settingsOf(FabricConfig config) {
        try {
            return FabricSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Fabric view not started: configuration {} rejected: {}", PID, e.getMessage());
            throw e;
        }
    }

    @Modified
    void modified(FabricConfig config) {
        FabricSettings next;
        try {
            next = FabricSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Fabric configuration change rejected, keeping {}: {}", settings, e.getMessage());
            return;
        }
        settings = next;
        schedule();
        checks.retime(next.heartbeatIntervalMillis());
        LOG.info("Fabric settings changed: {}", next);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (timer != null) {
            timer.shutdownNow();
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Fabric heartbeat thread {} did not stop within 10 s", THREAD);
            }
        }
        synchronized (this) {
            stopListening();
            channel = null;
        }
        checks.closeAll();
    }

    private synchronized void schedule() {
        if (timer == null) {
            return;
        }
        if (beating != null) {
            beating.cancel(false);
        }
        long interval = settings.heartbeatIntervalMillis();
        beating = timer.scheduleWithFixedDelay(this::beatQuietly, 0, interval, TimeUnit.MILLISECONDS);
    }

    /** Each event-sourced service registers one; none is required, and any may come and go. */
    @Reference(service = StreamProgress.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeProgress")
    void addProgress(StreamProgress p) {
        progress.add(p);
    }

    void removeProgress(StreamProgress p) {
        progress.remove(p);
    }

    // ---------------------------------------------------------------- the channel

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindChannel")
    void bindChannel(HeartbeatChannel c) {
        synchronized (this) {
            stopListening();
            table.clear();
            checks.closeAll();
            channel = c;
            listening = c.listen(this::received);
        }
        LOG.info("Fabric heartbeats on {}", c.describe());
    }

    void unbindChannel(HeartbeatChannel c) {
        synchronized (this) {
            if (channel != c) {
                return;
            }
            stopListening();
            channel = null;
            table.clear();
        }
        checks.closeAll();
        LOG.info("Fabric heartbeat channel gone ({}): this node alone from now", c.describe());
    }

    private void stopListening() {
        if (listening != null) {
            try {
                listening.close();
            } catch (Exception e) {
                LOG.warn("Fabric: stopping to listen for heartbeats failed: {}", e.toString());
            }
            listening = null;
        }
    }

    /** On the channel's thread: one heartbeat of any node, this one's included. */
    void received(String key, byte[] bytes) {
        Heartbeat h;
        try {
            h = Heartbeat.fromBytes(bytes);
        } catch (MalformedHeartbeatException e) {
            if (warnedKeys.add(key)) {
                LOG.warn("Fabric: heartbeat under key {} ignored (and further bad ones under it): {}", key, e.getMessage());
            }
            return;
        }
        if (!h.nodeId().equals(key)) {
            if (warnedKeys.add(key)) {
                LOG.warn("Fabric: heartbeat under key {} names node {}: ignored", key, h.nodeId());
            }
            return;
        }
        if (h.nodeId().equals(localId())) {
            return;
        }
        if (table.heard(h, clock.instant())) {
            LOG.info("Fabric node {} heard: {}", h.nodeId(), h.address());
            checks.add(h.nodeId(), settings.heartbeatIntervalMillis());
        }
    }

    // ---------------------------------------------------------------- this node's heartbeat

    private void beatQuietly() {
        try {
            beat();
            problem(null);
        } catch (RuntimeException e) {
            problem(e.toString());
        }
    }

    /** Logs a new problem once, and its end. */
    private synchronized void problem(String now) {
        if (now != null && !now.equals(lastProblem)) {
            LOG.warn("Fabric heartbeat not sent: {}", now);
        } else if (now == null && lastProblem != null) {
            LOG.info("Fabric heartbeats sent again");
        }
        lastProblem = now;
    }

    /** Sends this node's heartbeat, when there is a channel. */
    void beat() {
        HeartbeatChannel c = channel;
        if (c != null) {
            Heartbeat h = localHeartbeat();
            c.send(h.nodeId(), h.toBytes());
        }
    }

    Heartbeat localHeartbeat() {
        EventLog l = log;
        long end = -1;
        if (l != null) {
            try {
                end = l.lastSequence();
            } catch (RuntimeException e) {
                end = -1;
            }
        }
        LocalProgress.Progress p = local.at(List.copyOf(progress), l, end);
        FabricSettings s = settings;
        return new Heartbeat(localId(), AddressSource.of(configAdmin, s.advertisedHost()), clock.instant(),
                s.heartbeatIntervalMillis(), s.missedHeartbeats(), p.applied(), end, p.streams(), targets(), services());
    }

    private String localId() {
        EventLog l = log;
        return l == null ? "local" : l.nodeId();
    }

    /** The monitor's targets, less the other nodes' checks: a node reports its own health, not its view of others. */
    private List<NodeTarget> targets() {
        MonitorService m = monitor;
        if (m == null) {
            return List.of();
        }
        return m.health().stream().filter(t -> !t.name().startsWith(NodeChecks.PREFIX))
                .map(t -> new NodeTarget(t.kind().toString(), t.name(), t.status(), t.message())).toList();
    }

    private List<NodeService> services() {
        MonitorService m = monitor;
        if (m == null) {
            return List.of();
        }
        return m.services().stream().map(s -> new NodeService(s.name(), s.bundle(), s.bundleVersion(), s.status()))
                .toList();
    }

    // ---------------------------------------------------------------- the view

    @Override
    public FabricView view() {
        Heartbeat me = localHeartbeat();
        NodeVerdict v = NodeVerdict.ofTargets(me.targets());
        long lag = me.appliedSequence() < 0 || me.logEnd() < 0 ? -1 : Math.max(0, me.logEnd() - me.appliedSequence());
        List<FabricNode> nodes = new ArrayList<>();
        nodes.add(new FabricNode(me.nodeId(), true, me.address(), me.appliedSequence(), lag, me.streams(), v.status(),
                v.message(), Optional.empty(), Duration.ZERO, Duration.ofMillis(me.timeoutMillis()), me.targets(),
                me.services()));
        HeartbeatChannel c = channel;
        if (c != null) {
            Instant now = clock.instant();
            table.view(now).stream().filter(n -> !n.id().equals(me.nodeId())).forEach(nodes::add);
        }
        FabricSettings s = settings;
        return new FabricView(me.nodeId(), c != null, c != null ? c.describe() : notInAFabric(),
                c != null ? c.fault() : Optional.empty(), me.logEnd(), s.heartbeatIntervalMillis(),
                s.missedHeartbeats(), nodes);
    }

    private String notInAFabric() {
        EventLog l = log;
        if (l == null) {
            return "not in a fabric: no event log is running";
        }
        String backend;
        try {
            backend = l.status().backend();
        } catch (RuntimeException e) {
            backend = "unknown";
        }
        return "file".equals(backend) ? "not in a fabric: the event log is the local file log"
                : "not in a fabric: the " + backend + " event log offers no heartbeat channel";
    }

    /** The verdict of the health check {@code fabric/<node>}. */
    HealthResult nodeHealth(String nodeId) {
        Optional<FabricNode> n = table.view(nodeId, clock.instant());
        if (n.isEmpty()) {
            return HealthResult.unhealthy("no heartbeat heard from " + nodeId);
        }
        FabricNode node = n.get();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("address", node.address().toString());
        details.put("applied_sequence", Long.toString(node.appliedSequence()));
        details.put("lag", Long.toString(node.lag()));
        details.put("heartbeat_age_ms", Long.toString(node.heartbeatAge().toMillis()));
        details.put("timeout_ms", Long.toString(node.timeout().toMillis()));
        return node.status() == HealthStatus.UNHEALTHY ? HealthResult.unhealthy(node.health(), details)
                : HealthResult.healthy(node.health(), details);
    }

    /** For tests: the nodes with a health check. */
    List<String> checkedNodes() {
        return checks.nodes();
    }
}
