package org.fcredirect.traffic.impl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.fcredirect.fastpath.api.PuntSource;
import org.fcredirect.fastpath.api.RewriteRule;
import org.fcredirect.fastpath.api.RuleBatch;
import org.fcredirect.fastpath.api.RuleSink;
import org.fcredirect.fastpath.impl.FastPathManager;
import org.fcredirect.fc.FcId;
import org.fcredirect.fc.FrameView;
import org.fcredirect.fc.RCtl;
import org.fcredirect.fc.els.ElsCommand;
import org.fcredirect.fc.els.ElsFrames;
import org.fcredirect.fc.els.ElsView;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.ApplianceInventory;
import org.fcredirect.flow.api.ApplianceSpec;
import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.flow.api.FlowEvent;
import org.fcredirect.flow.api.FlowFilter;
import org.fcredirect.flow.api.FlowFormat;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowListener;
import org.fcredirect.flow.api.FlowPage;
import org.fcredirect.flow.api.FlowService;
import org.fcredirect.flow.api.FlowSpec;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.flow.api.ImportResult;
import org.fcredirect.flow.api.LoginTable;
import org.fcredirect.flow.api.PortLogin;
import org.fcredirect.flow.api.VirtualAddress;

/**
 * The flow API as far as the traffic generator uses it, in memory: logins, appliances, flows
 * imported from CSV (decided by their appliance, else by {@link #policy}, else permitted), and the
 * rules of each flow published to a rule sink the way the flow manager does (four rewrites through
 * an appliance, two permits on the direct path, two drops). Marking an appliance unhealthy moves
 * its flows by their failover modes (standby: the first other healthy member of the group by
 * name), marking it healthy brings them back. As in the flow manager, a change publishes its rules
 * first and then tells the listeners on an event thread, {@link #eventLagMillis} later.
 * The login table learns from the fabric logins the fast path punts, as simply as the generator's
 * own sequence allows: a FLOGI or FDISC and the fabric controller's accept log a port in (unless it
 * is an appliance's virtual port), a LOGO to the fabric and its accept log it out.
 * Everything else is refused.
 */
final class FakeFlowApi implements LoginTable, FlowService, ApplianceInventory {
    private final RuleSink sink;
    private final PuntSource punts;
    private final Map<String, Wwn> loggingIn = new HashMap<>();
    private final Map<String, Wwn> loggingOut = new HashMap<>();
    /** Punted frames of {@link #learn}'s drain: requests first, then replies, whichever worker had them. */
    private final List<byte[]> requests = new ArrayList<>();
    private final List<byte[]> replies = new ArrayList<>();
    private final List<Integer> requestVsans = new ArrayList<>();
    private final List<Integer> replyVsans = new ArrayList<>();
    int learned;
    private final Map<String, ApplianceSpec> appliances = new TreeMap<>();
    private final Set<String> unhealthy = new HashSet<>();
    private final Map<String, FcId> logins = new HashMap<>();
    private final Map<Long, Flow> flows = new TreeMap<>();
    private final List<FlowListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService events = Executors.newSingleThreadExecutor();
    private long nextId = 100;
    private long generation;
    int imports;
    /** Decides a flow without an appliance: the appliance to redirect it to, or empty for the direct path. */
    Function<FlowSpec, Optional<String>> policy = spec -> Optional.empty();
    volatile long eventLagMillis;

    FakeFlowApi(FastPathManager fastPath) {
        this.sink = fastPath;
        this.punts = fastPath;
        sink.apply(RuleBatch.builder().reset().build(++generation));
    }

    private static String key(VsanId vsan, Wwn pwwn) {
        return vsan + "/" + pwwn;
    }

    // LoginTable

    @Override
    public void login(VsanId vsan, Wwn pwwn, FcId fcid) {
        logins.put(key(vsan, pwwn), fcid);
    }

    @Override
    public void loginAll(List<PortLogin> all) {
        all.forEach(p -> login(p.vsan(), p.pwwn(), p.fcid()));
    }

    @Override
    public void logout(VsanId vsan, Wwn pwwn) {
        logins.remove(key(vsan, pwwn));
    }

    @Override
    public Optional<FcId> fcidOf(VsanId vsan, Wwn pwwn) {
        learn();
        return Optional.ofNullable(logins.get(key(vsan, pwwn)));
    }

    private synchronized void learn() {
        punts.drainPunted(f -> {
            byte[] frame = Arrays.copyOfRange(f.buffer(), f.offset(), f.offset() + f.length());
            boolean request = frame[0] == RCtl.ELS_REQUEST;
            (request ? requests : replies).add(frame);
            (request ? requestVsans : replyVsans).add(f.vsan());
        }, Integer.MAX_VALUE);
        FrameView h = new FrameView();
        ElsView els = new ElsView();
        for (int i = 0; i < requests.size(); i++) {
            byte[] f = requests.get(i);
            h.wrap(f, 0, f.length);
            els.wrap(f, h.payloadOffset(), h.payloadLength());
            VsanId vsan = VsanId.of(requestVsans.get(i));
            if (els.command() == ElsCommand.FLOGI || els.command() == ElsCommand.FDISC) {
                loggingIn.put(vsan + "/" + h.oxId(), Wwn.of(els.portName()));
            } else if (els.command() == ElsCommand.LOGO) {
                loggingOut.put(vsan + "/" + h.sId() + "/" + h.oxId(), Wwn.of(els.portName()));
            }
        }
        for (int i = 0; i < replies.size(); i++) {
            byte[] f = replies.get(i);
            h.wrap(f, 0, f.length);
            VsanId vsan = VsanId.of(replyVsans.get(i));
            if (h.sId() != ElsFrames.FABRIC_CONTROLLER) {
                continue;
            }
            Wwn in = loggingIn.remove(vsan + "/" + h.oxId());
            Wwn out = loggingOut.remove(vsan + "/" + h.dId() + "/" + h.oxId());
            // an appliance's virtual ports, fixed or from its pool, are its own: the table does not hold them
            if (in != null && appliances.values().stream().noneMatch(a -> a.portsIn(vsan).map(p ->
                    p.vtPwwn().equals(in) || p.viPwwn().equals(in)).orElse(false)
                    || a.poolIn(vsan).map(p -> p.containsPwwn(in.value())).orElse(false))) {
                login(vsan, in, FcId.of(h.dId()));
                learned++;
            } else if (out != null) {
                logout(vsan, out);
            }
        }
        requests.clear();
        replies.clear();
        requestVsans.clear();
        replyVsans.clear();
    }

    @Override
    public Optional<Wwn> pwwnOf(VsanId vsan, FcId fcid) {
        throw new UnsupportedOperationException("a fake: these tests do not call it");
    }

    @Override
    public List<PortLogin> logins(VsanId vsan) {
        throw new UnsupportedOperationException("a fake: these tests do not call it");
    }

    @Override
    public List<PortLogin> logins() {
        throw new UnsupportedOperationException("a fake: these tests do not call it");
    }

    @Override
    public int loginCount() {
        return logins.size();
    }

    // ApplianceInventory

    @Override
    public void add(ApplianceSpec spec) {
        appliances.put(spec.name(), spec);
    }

    @Override
    public void remove(String name) {
        appliances.remove(name);
    }

    @Override
    public synchronized Optional<Appliance> get(String name) {
        return Optional.ofNullable(appliances.get(name))
                .map(s -> new Appliance(s, !unhealthy.contains(name), Optional.empty(), Instant.EPOCH));
    }

    @Override
    public List<Appliance> list() {
        return appliances.keySet().stream().map(n -> get(n).orElseThrow()).toList();
    }

    @Override
    public synchronized void markUnhealthy(String name, String reason) {
        unhealthy.add(name);
        String group = appliances.get(name).group();
        Optional<String> standby = appliances.values().stream()
                .filter(a -> a.group().equals(group) && !unhealthy.contains(a.name())).map(ApplianceSpec::name).findFirst();
        List<Flow> before = new ArrayList<>();
        List<Flow> after = new ArrayList<>();
        for (Flow f : flows.values()) {
            if (f.state() != FlowState.ACTIVE || !f.appliance().equals(Optional.of(name))) {
                continue;
            }
            before.add(f);
            after.add(switch (f.failover()) {
                case STANDBY -> standby.isPresent() ? with(f, FlowState.ACTIVE, standby) : with(f, FlowState.BLOCKED, f.appliance());
                case BYPASS -> with(f, FlowState.BYPASSED, Optional.empty());
                case BLOCK -> with(f, FlowState.BLOCKED, f.appliance());
            });
        }
        changed(before, after);
    }

    @Override
    public synchronized void markHealthy(String name) {
        unhealthy.remove(name);
        List<Flow> before = new ArrayList<>();
        List<Flow> after = new ArrayList<>();
        for (Flow f : flows.values()) {
            if (f.homeAppliance().equals(Optional.of(name)) && f.state() != FlowState.PENDING
                    && (f.state() != FlowState.ACTIVE || !f.appliance().equals(f.homeAppliance()))) {
                before.add(f);
                after.add(with(f, FlowState.ACTIVE, f.homeAppliance()));
            }
        }
        changed(before, after);
    }

    @Override
    public List<org.fcredirect.flow.api.PoolUse> poolUse(String name) {
        throw new UnsupportedOperationException("a fake: these tests do not call it");
    }

    @Override
    public List<org.fcredirect.flow.api.PortAllocation> allocations(String name) {
        throw new UnsupportedOperationException("a fake: these tests do not call it");
    }

    @Override
    public long flowCount(String name) {
        throw new UnsupportedOperationException("a fake: these tests do not call it");
    }

    @Override
    public long version() {
        return 0;
    }

    int applianceCount() {
        return appliances.size();
    }

    // FlowService

    @Override
    public synchronized ImportResult importFlows(Reader input, FlowFormat format) {
        imports++;
        List<FlowSpec> specs = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(input)) {
            String[] header = in.readLine().split(",", -1);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] values = line.split(",", -1);
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    fields.put(header[i], values[i]);
                }
                specs.add(FlowSpec.fromFields(fields));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long first = nextId;
        RuleBatch.Builder b = RuleBatch.builder();
        for (FlowSpec s : specs) {
            Flow f = decide(nextId++, s);
            flows.put(f.id().value(), f);
            rules(f).forEach(b::add);
        }
        sink.apply(b.build(++generation));
        return new ImportResult(specs.size(), Optional.of(FlowId.of(first)), Optional.of(FlowId.of(nextId - 1)));
    }

    private Flow decide(long id, FlowSpec s) {
        Optional<FcId> i = fcidOf(s.vsan(), s.initiator());
        Optional<FcId> t = fcidOf(s.vsan(), s.target());
        Optional<String> appliance = s.appliance().isPresent() ? s.appliance() : policy.apply(s);
        FlowState state = i.isEmpty() || t.isEmpty() ? FlowState.PENDING
                : appliance.isPresent() ? FlowState.ACTIVE : FlowState.DIRECT;
        FlowAction action = appliance.isPresent() ? FlowAction.REDIRECT : FlowAction.PERMIT;
        return new Flow(FlowId.of(id), s, state, action, Optional.empty(), appliance.map(a -> appliances.get(a).group()),
                appliance, appliance, s.failover().orElse(FailoverMode.STANDBY), i, t, Instant.EPOCH, Instant.EPOCH,
                virtualPort(appliance, s, s.target(), 0), virtualPort(appliance, s, s.initiator(), 1), Optional.empty());
    }

    private Flow with(Flow f, FlowState state, Optional<String> appliance) {
        FlowSpec s = f.spec();
        return new Flow(f.id(), s, state, f.action(), f.policy(), f.group(), f.homeAppliance(), appliance,
                f.failover(), f.initiatorFcid(), f.targetFcid(), f.created(), Instant.now(),
                virtualPort(appliance, s, s.target(), 0), virtualPort(appliance, s, s.initiator(), 1), Optional.empty());
    }

    /** A VT (half 0) or VI (half 1) of the appliance's pool, by the low bits of the port's name: no allocator in a fake. */
    private Optional<VirtualAddress> virtualPort(Optional<String> appliance, FlowSpec s, Wwn port, int half) {
        return appliance.flatMap(a -> appliances.get(a).poolIn(s.vsan())).map(p -> {
            int offset = half * (p.size() / 2) + (int) (port.value() & 0xFFFF) % (p.size() / 2);
            return new VirtualAddress(p.pwwn(offset), p.fcid(offset));
        });
    }

    /** Publishes the rules of the changed flows, then tells the listeners, as the flow manager does. */
    private synchronized void changed(List<Flow> before, List<Flow> after) {
        RuleBatch.Builder b = RuleBatch.builder();
        for (Flow f : after) {
            flows.put(f.id().value(), f);
            rules(f).forEach(b::add);
        }
        sink.apply(b.build(++generation));
        List<FlowEvent> told = new ArrayList<>();
        for (int k = 0; k < after.size(); k++) {
            told.add(new FlowEvent(FlowEvent.Type.UPDATED, after.get(k), Optional.of(before.get(k).state())));
        }
        long lag = eventLagMillis;
        events.execute(() -> {
            try {
                Thread.sleep(lag);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            told.forEach(e -> listeners.forEach(l -> l.onEvent(e)));
        });
    }

    private List<RewriteRule> rules(Flow f) {
        long id = f.id().value();
        int v = f.spec().vsan().value();
        long any = RewriteRule.ANY_LUN;
        if (f.state() == FlowState.PENDING) {
            return List.of();
        }
        int i = f.initiatorFcid().orElseThrow().value();
        int t = f.targetFcid().orElseThrow().value();
        if (f.state() == FlowState.DIRECT || f.state() == FlowState.BYPASSED) {
            return List.of(RewriteRule.permit(id, v, i, t, any), RewriteRule.permit(id, v, t, i, any));
        }
        if (f.state() == FlowState.BLOCKED || f.state() == FlowState.DROPPED) {
            return List.of(RewriteRule.drop(id, v, i, t, any), RewriteRule.drop(id, v, t, i, any));
        }
        int vt = f.virtualTarget().orElseThrow().fcid().value();
        int vi = f.virtualInitiator().orElseThrow().fcid().value();
        return List.of(RewriteRule.rewrite(id, v, i, t, any, i, vt), RewriteRule.rewrite(id, v, vi, t, any, i, t),
                RewriteRule.rewrite(id, v, t, i, any, t, vi), RewriteRule.rewrite(id, v, vt, i, any, t, i));
    }

    @Override
    public void delete(FlowId id) {
        flows.remove(id.value());
        sink.apply(RuleBatch.builder().remove(id.value()).build(++generation));
    }

    @Override
    public synchronized Optional<Flow> get(FlowId id) {
        return Optional.ofNullable(flows.get(id.value()));
    }

    @Override
    public Optional<Flow> find(VsanId vsan, Wwn initiator, Wwn target, OptionalInt lun) {
        return flows.values().stream().filter(f -> f.spec().vsan().equals(vsan) && f.spec().initiator().equals(initiator)
                && f.spec().target().equals(target) && f.spec().lun().equals(lun)).findFirst();
    }

    int flowCount() {
        return flows.size();
    }

    @Override
    public FlowId create(FlowSpec spec) {
        throw new UnsupportedOperationException("a fake: these tests do not call it");
    }

    @Override
    public FlowPage list(FlowFilter filter, int offset, int limit) {
        throw new UnsupportedOperationException("a fake: these tests do not call it");
    }

    @Override
    public long count(FlowFilter filter) {
        throw new UnsupportedOperationException("a fake: these tests do not call it");
    }

    @Override
    public Map<FlowState, Long> countByState() {
        throw new UnsupportedOperationException("a fake: these tests do not call it");
    }

    @Override
    public List<RewriteRule> rules(FlowId id) {
        throw new UnsupportedOperationException("a fake: these tests do not call it");
    }

    @Override
    public void exportFlows(FlowFilter filter, FlowFormat format, Writer output) {
        throw new UnsupportedOperationException("a fake: these tests do not call it");
    }

    @Override
    public void addListener(FlowListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(FlowListener listener) {
        listeners.remove(listener);
    }

    int listenerCount() {
        return listeners.size();
    }

    void close() {
        events.shutdownNow();
    }
}
