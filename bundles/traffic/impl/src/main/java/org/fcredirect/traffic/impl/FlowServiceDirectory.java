package org.fcredirect.traffic.impl;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.locks.LockSupport;

import org.fcredirect.fastpath.api.FrameSources;
import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.ApplianceInventory;
import org.fcredirect.flow.api.ApplianceSpec;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.flow.api.FlowEvent;
import org.fcredirect.flow.api.FlowFormat;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowListener;
import org.fcredirect.flow.api.FlowService;
import org.fcredirect.flow.api.FlowSpec;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.flow.api.ImportResult;
import org.fcredirect.flow.api.LoginTable;
import org.fcredirect.flow.api.PortLogin;
import org.fcredirect.flow.api.PortPool;
import org.fcredirect.traffic.api.TrafficSpec;

/**
 * The generator's directory when the flow service is there: appliances go into the inventory (in
 * the spec's groups), hosts and targets log in to the fabric on the wire ({@link FabricLogins},
 * which the flow manager learns from) and out again at clean-up, flows are imported in one
 * change (each with its planned appliance, or none for the direct path and for the policies to
 * decide, and the spec's failover mode), and the flow manager publishes their rules to the fast
 * path as it does for any flow. What an earlier run left is reused when it was decided the same.
 *
 * <p>The flow manager's events tell the generator where its flows move while it runs: its
 * listener maps each event to a flow index and a route and queues it for the generator thread.
 */
final class FlowServiceDirectory implements FabricDirectory {
    private static final String DESCRIPTION = "traffic generator";
    /** How long the flow manager may take to learn the ports' fabric logins and logouts. */
    static final long LEARN_TIMEOUT_NANOS = 30_000_000_000L;
    private static final long LEARN_POLL_NANOS = 10_000_000L;

    private final FrameSources host;
    private final LoginTable logins;
    private final FlowService flows;
    private final ApplianceInventory inventory;
    private FlowListener listener;
    private long framesSent;

    FlowServiceDirectory(FrameSources host, LoginTable logins, FlowService flows, ApplianceInventory inventory) {
        this.host = host;
        this.logins = logins;
        this.flows = flows;
        this.inventory = inventory;
    }

    @Override
    public String name() {
        return "flow service";
    }

    @Override
    public long[] setUp(TrafficTopology t, FlowRoutes routes) {
        // Listen before anything else: every change from here on becomes a move. A change already
        // under way ends before the logins below (changes run one at a time), so the reads at the
        // end see it; moves queued meanwhile are applied after those reads and end at the latest.
        listener = e -> moved(t, routes, e);
        flows.addListener(listener);
        for (int a = 0; a < t.appliances(); a++) {
            ApplianceSpec spec = appliance(t, a);
            Optional<Appliance> existing = inventory.get(spec.name());
            if (existing.isEmpty()) {
                inventory.add(spec);
            } else if (!existing.get().spec().equals(spec)) {
                throw new IllegalStateException("appliance " + spec.name() + " exists with other settings ("
                        + existing.get().spec() + "); remove it or run the generator in other VSANs");
            }
        }
        framesSent += FabricLogins.send(host, FabricLogins.logIn(t));
        awaitLearned(ports(t), true);
        long[] ids = new long[t.flows];
        StringBuilder csv = new StringBuilder("vsan,initiator,target,appliance,failover,description\n");
        List<Integer> missing = new ArrayList<>();
        for (int f = 0; f < t.flows; f++) {
            Optional<Flow> existing = flows.find(VsanId.of(t.vsan[f]), initiator(t, f), target(t, f), OptionalInt.empty());
            if (existing.isPresent()) {
                ids[f] = existing.get().id().value();
                continue;
            }
            missing.add(f);
            csv.append(t.vsan[f]).append(',').append(initiator(t, f)).append(',').append(target(t, f)).append(',')
                    .append(t.redirected(f) ? t.applianceName(t.appliance[f]) : "").append(',')
                    .append(t.failoverOf(f).orElse("")).append(',').append(DESCRIPTION).append('\n');
        }
        if (!missing.isEmpty()) {
            ImportResult imported = flows.importFlows(new StringReader(csv.toString()), FlowFormat.CSV);
            long first = imported.first().orElseThrow().value();
            for (int k = 0; k < missing.size(); k++) {
                ids[missing.get(k)] = first + k;
            }
        }
        for (int f = 0; f < t.flows; f++) {
            long id = ids[f];
            Flow flow = flows.get(FlowId.of(id)).orElseThrow(
                    () -> new IllegalStateException("flow " + id + " disappeared while the generator set it up"));
            check(t, f, flow);
            FlowRoutes.Move route = route(f, flow, false);
            if (route == null) {
                throw new IllegalStateException("flow " + flow.id() + " runs through appliance "
                        + flow.appliance().orElse("?") + " but holds no virtual ports there");
            }
            routes.set(f, route.path(), route.vt(), route.vi());
        }
        return ids;
    }

    /**
     * The flow must be decided the way the generator asks: through its planned appliance (wherever
     * a failover put it since) or direct, with the spec's failover mode. Under the policies any
     * decision goes: the generator follows it.
     */
    private static void check(TrafficTopology t, int f, Flow flow) {
        Optional<String> mode = t.failoverOf(f);
        if (mode.isPresent() && !flow.failover().toString().equals(mode.get())) {
            throw new IllegalStateException("flow " + flow.id() + " (" + flow.spec() + ") fails over by "
                    + flow.failover() + ", the generator asks " + mode.get() + "; an earlier run created it otherwise");
        }
        if (t.spec.placement() == TrafficSpec.Placement.POLICY) {
            return;
        }
        Optional<String> expected = t.redirected(f) ? Optional.of(t.applianceName(t.appliance[f]))
                : Optional.empty();
        FlowAction action = t.redirected(f) ? FlowAction.REDIRECT : FlowAction.PERMIT;
        if (flow.action() != action || !flow.homeAppliance().equals(expected)) {
            throw new IllegalStateException("flow " + flow.id() + " (" + flow.spec() + ") is decided " + flow.action()
                    + flow.homeAppliance().map(a -> " through " + a).orElse("") + ", the generator needs it " + action
                    + expected.map(a -> " through " + a).orElse("") + "; a policy or an earlier flow decided otherwise");
        }
    }

    /**
     * On the flow manager's event thread: a change of one of the run's flows becomes a move. A
     * creation is none: the run's own flows are read after their import, and a flow created anew
     * by someone else has another id.
     */
    private void moved(TrafficTopology t, FlowRoutes routes, FlowEvent e) {
        FlowSpec spec = e.flow().spec();
        if (e.type() == FlowEvent.Type.CREATED || spec.lun().isPresent()) {
            return;
        }
        int f = t.indexOf(spec.vsan().value(), spec.initiator().value(), spec.target().value());
        if (f < 0) {
            return;
        }
        FlowRoutes.Move m = route(f, e.flow(), e.type() == FlowEvent.Type.DELETED);
        // null: its appliance left the inventory meanwhile; the change that follows says where the flow went
        if (m != null) {
            routes.moved(m);
        }
    }

    /**
     * Where a flow's frames go in its state: through the VT of its target and the VI of its host on
     * its appliance while active, unchanged while direct or bypassed, and also while pending or
     * deleted (no rules: the fast path's default decision applies), dropped while dropped or
     * blocked. Null when an active flow holds no virtual ports (its appliance left meanwhile).
     */
    private FlowRoutes.Move route(int f, Flow flow, boolean deleted) {
        long id = flow.id().value();
        FlowState state = deleted ? FlowState.PENDING : flow.state();
        return switch (state) {
            case ACTIVE -> flow.virtualTarget().isEmpty() || flow.virtualInitiator().isEmpty() ? null
                    : new FlowRoutes.Move(f, id, FlowRoutes.REDIRECT, flow.virtualTarget().get().fcid().value(),
                            flow.virtualInitiator().get().fcid().value());
            case DROPPED, BLOCKED -> new FlowRoutes.Move(f, id, FlowRoutes.DROP, 0, 0);
            default -> new FlowRoutes.Move(f, id, FlowRoutes.DIRECT, 0, 0);
        };
    }

    @Override
    public void unfollow() {
        FlowListener l = listener;
        if (l != null) {
            flows.removeListener(l);
            listener = null;
        }
    }

    @Override
    public void tearDown(TrafficTopology t, long[] flowIds) {
        for (long id : flowIds) {
            flows.delete(FlowId.of(id));
        }
        framesSent += FabricLogins.send(host, FabricLogins.logOut(t));
        awaitLearned(ports(t), false);
        for (int a = 0; a < t.appliances(); a++) {
            inventory.remove(t.applianceName(a));
        }
    }

    @Override
    public long framesSent() {
        return framesSent;
    }

    /** Waits until the login table shows every port logged in at its address (or every one out). */
    private void awaitLearned(List<PortLogin> ports, boolean in) {
        long deadline = System.nanoTime() + LEARN_TIMEOUT_NANOS;
        int next = 0;
        while (next < ports.size()) {
            PortLogin p = ports.get(next);
            Optional<FcId> at = logins.fcidOf(p.vsan(), p.pwwn());
            if (in ? at.equals(Optional.of(p.fcid())) : at.isEmpty()) {
                next++;
                continue;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException((ports.size() - next) + " of " + ports.size() + " ports were not "
                        + (in ? "logged in" : "logged out") + " from their fabric " + (in ? "logins" : "logouts")
                        + " within " + LEARN_TIMEOUT_NANOS / 1_000_000_000L + " s, " + p.pwwn() + " first; is"
                        + " learnLogins of org.fcredirect.flow on? fcr:logins --learning tells what was learned");
            }
            LockSupport.parkNanos(LEARN_POLL_NANOS);
        }
    }

    @Override
    public List<String> appliances(TrafficTopology t) {
        List<String> names = new ArrayList<>(t.appliances());
        for (int a = 0; a < t.appliances(); a++) {
            names.add(t.applianceName(a));
        }
        return names;
    }

    private static ApplianceSpec appliance(TrafficTopology t, int a) {
        ApplianceSpec.Builder b = ApplianceSpec.builder(t.applianceName(a)).group(t.groupOf(a));
        for (int v = 0; v < t.spec.vsans(); v++) {
            int vsan = t.spec.firstVsan() + v;
            int first = t.poolFirstFcid(a);
            b.pool(new PortPool(VsanId.of(vsan), FcId.of(first), FcId.of(first + TrafficTopology.POOL_SIZE - 1),
                    Wwn.of(t.poolWwnBase(vsan, a))));
        }
        return b.build();
    }

    private static List<PortLogin> ports(TrafficTopology t) {
        List<PortLogin> ports = new ArrayList<>();
        for (int v = 0; v < t.spec.vsans(); v++) {
            int vsan = t.spec.firstVsan() + v;
            VsanId id = VsanId.of(vsan);
            for (int h = 0; h < t.spec.initiatorsPerVsan(); h++) {
                ports.add(new PortLogin(id, Wwn.of(TrafficTopology.hostWwn(vsan, h)), FcId.of(TrafficTopology.hostFcidOf(h))));
            }
            for (int g = 0; g < t.spec.targetsPerVsan(); g++) {
                ports.add(new PortLogin(id, Wwn.of(TrafficTopology.targetWwn(vsan, g)),
                        FcId.of(TrafficTopology.targetFcidOf(g))));
            }
        }
        return ports;
    }

    private static Wwn initiator(TrafficTopology t, int f) {
        return Wwn.of(TrafficTopology.hostWwn(t.vsan[f], t.host[f]));
    }

    private static Wwn target(TrafficTopology t, int f) {
        return Wwn.of(TrafficTopology.targetWwn(t.vsan[f], t.target[f]));
    }
}
