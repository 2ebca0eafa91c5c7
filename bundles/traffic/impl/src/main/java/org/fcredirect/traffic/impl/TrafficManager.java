package org.fcredirect.traffic.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.fcredirect.fastpath.api.FrameSources;
import org.fcredirect.fastpath.api.RuleSink;
import org.fcredirect.fc.capture.LinkTypes;
import org.fcredirect.flow.api.ApplianceInventory;
import org.fcredirect.flow.api.FlowService;
import org.fcredirect.flow.api.LoginTable;
import org.fcredirect.monitor.api.MonitorService;
import org.fcredirect.traffic.api.ReplayListener;
import org.fcredirect.traffic.api.ReplayResult;
import org.fcredirect.traffic.api.TrafficService;
import org.fcredirect.traffic.api.TrafficSpec;
import org.fcredirect.traffic.api.TrafficState;
import org.fcredirect.traffic.api.TrafficStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The traffic sources: the generator (one run at a time, on its own thread) and capture replays
 * (on the caller's thread), writing into the fast path's frame-source ports. The fast path's ports
 * and rule input are all it needs; the flow API references are optional (without a flow service
 * the generator publishes its own rules), and so is the monitor (with it, the generator's simulated
 * appliances heartbeat). Updating this bundle stops a run keeping its flows; the fast path goes on.
 */
@Component(service = TrafficService.class, immediate = true, property = "fcr.mbean=org.fcredirect:type=Traffic")
public class TrafficManager implements TrafficService {
    private static final Logger LOG = LoggerFactory.getLogger(TrafficManager.class);
    private static final long STOP_MILLIS = 35_000;

    @Reference
    FrameSources sources;

    @Reference
    RuleSink rules;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile LoginTable logins;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile FlowService flows;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ApplianceInventory appliances;

    /** The generator's appliances heartbeat through it, from the heartbeat thread only. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MonitorService monitorService;

    private final Object lock = new Object();
    private volatile TrafficGenerator traffic;
    private volatile Thread trafficThread;
    private DirectRules directRules;
    private Scheduler.OnThread timer;
    private ApplianceHeartbeats heartbeats;

    @Activate
    void activate() {
        directRules = new DirectRules(rules);
        timer = new Scheduler.OnThread("traffic-heartbeats");
        heartbeats = new ApplianceHeartbeats(() -> monitorService, timer);
    }

    @Deactivate
    void deactivate() {
        TrafficGenerator g = traffic;
        if (g != null && g.state().active()) {
            g.requestStopKeepingFlows();
            try {
                awaitTraffic(Duration.ofMillis(STOP_MILLIS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        heartbeats.close();
        timer.close();
    }

    /** The appliance heartbeats, for tests. */
    ApplianceHeartbeats heartbeats() {
        return heartbeats;
    }

    /** The current run's generator, for tests. */
    TrafficGenerator generator() {
        return traffic;
    }

    @Override
    public TrafficStatus startTraffic(TrafficSpec spec) {
        Objects.requireNonNull(spec, "spec");
        synchronized (lock) {
            TrafficGenerator g = traffic;
            if (g != null && g.state().active()) {
                throw new IllegalStateException("a traffic generator run is " + g.state() + "; stop it first");
            }
            TrafficGenerator next = new TrafficGenerator(spec, directory(), sources, heartbeats);
            Thread t = new Thread(() -> {
                next.run();
                if (next.state() == TrafficState.FAILED) {
                    sources.failed(TrafficGenerator.SOURCE, next.status().failure().orElse("failed"));
                }
            }, "traffic-generator");
            t.setDaemon(true);
            traffic = next;
            trafficThread = t;
            t.start();
            return next.status();
        }
    }

    /** The flow service when all of it is there, else the generator's own rules. */
    private FabricDirectory directory() {
        LoginTable l = logins;
        FlowService f = flows;
        ApplianceInventory a = appliances;
        return l != null && f != null && a != null ? new FlowServiceDirectory(sources, l, f, a) : directRules;
    }

    @Override
    public TrafficStatus stopTraffic() {
        TrafficGenerator g = traffic;
        if (g == null) {
            return TrafficStatus.idle();
        }
        g.requestStop();
        return g.status();
    }

    @Override
    public TrafficStatus traffic() {
        TrafficGenerator g = traffic;
        return g == null ? TrafficStatus.idle() : g.status();
    }

    @Override
    public TrafficStatus awaitTraffic(Duration timeout) throws InterruptedException {
        Thread t = trafficThread;
        if (t != null) {
            t.join(Math.max(1, timeout.toMillis()));
        }
        return traffic();
    }

    @Override
    public ReplayResult replay(Path input, Path output, boolean replaceOutput, int vsan, boolean paced,
            ReplayListener listener) throws IOException, InterruptedException {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        if (vsan < 1 || vsan > 4094) {
            throw new IllegalArgumentException("replay VSAN " + vsan + " must be 1..4094");
        }
        if (sameFile(input, output)) {
            throw new IllegalArgumentException("the replay output " + output + " is its input " + input);
        }
        CaptureReplay replay = new CaptureReplay(sources, LinkTypes.load(), input, output, replaceOutput, vsan, paced,
                listener == null ? ReplayListener.NONE : listener);
        try {
            return replay.run();
        } catch (IOException | RuntimeException e) {
            sources.failed(CaptureReplay.SOURCE + " of " + input, e.getMessage());
            LOG.warn("Replay of {} failed: {}", input, e.getMessage());
            throw e;
        }
    }

    /** By the files themselves where both exist: a link or another spelling of the input is the input. */
    private static boolean sameFile(Path a, Path b) throws IOException {
        if (Files.exists(a) && Files.exists(b)) {
            return Files.isSameFile(a, b);
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
