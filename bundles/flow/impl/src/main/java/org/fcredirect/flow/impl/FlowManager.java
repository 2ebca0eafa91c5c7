package org.fcredirect.flow.impl;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.IntPredicate;

import org.fcredirect.fastpath.api.RewriteRule;
import org.fcredirect.fastpath.api.RuleSink;
import org.fcredirect.fc.io.BoundedReader;
import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.ApplianceInventory;
import org.fcredirect.flow.api.ApplianceSpec;
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
import org.fcredirect.flow.api.ImportException;
import org.fcredirect.flow.api.ImportResult;
import org.fcredirect.flow.api.LoginTable;
import org.fcredirect.flow.api.NotFoundException;
import org.fcredirect.flow.api.NotStoredException;
import org.fcredirect.flow.api.PortLogin;
import org.fcredirect.flow.api.ValidationException;
import org.fcredirect.flow.api.VirtualPorts;
import org.fcredirect.flow.impl.FlowChange.ApplianceAdded;
import org.fcredirect.flow.impl.FlowChange.ApplianceHealthChanged;
import org.fcredirect.flow.impl.FlowChange.ApplianceRemoved;
import org.fcredirect.flow.impl.FlowChange.FlowDeleted;
import org.fcredirect.flow.impl.FlowChange.FlowsCreated;
import org.fcredirect.flow.impl.FlowChange.FlowsDecided;
import org.fcredirect.flow.impl.FlowChange.FlowsMoved;
import org.fcredirect.flow.impl.FlowChange.Move;
import org.fcredirect.flow.impl.FlowChange.NewFlow;
import org.fcredirect.flow.impl.FlowChange.PortLoggedOut;
import org.fcredirect.flow.impl.FlowChange.PortsLoggedIn;
import org.fcredirect.flow.impl.FlowChange.Redecision;
import org.fcredirect.flow.impl.FlowEventCodec.Encoded;
import org.fcredirect.monitor.api.HealthCheck;
import org.fcredirect.monitor.api.HealthResult;
import org.fcredirect.policy.api.FlowContext;
import org.fcredirect.policy.api.PolicyEvent;
import org.fcredirect.policy.api.PolicyListener;
import org.fcredirect.policy.api.PolicyService;
import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.Snapshot;
import org.fcredirect.storage.api.StreamFilter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
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
 * The flow manager: flows, the login table and the appliance inventory, event-sourced on the
 * {@code flow} stream. Every change is validated, appended, and only then applied to the
 * {@link FlowModel} and acknowledged; the model is rebuilt from the newest snapshot and the
 * events after it when the component starts. Rule changes go to the fast path's {@link RuleSink}
 * and flow events to listeners after each change. Works without a policy engine or a fast path.
 *
 * <p>Changes run one at a time ({@link FlowLock}), which also orders the rule batches; reads wait
 * only while a stored change is applied. The appliance registry and loads are readable without
 * any lock, because the policy engine reads them in the middle of a change.
 */
@Component(service = {FlowService.class, LoginTable.class, ApplianceInventory.class, HealthCheck.class},
        configurationPid = FlowManager.PID, immediate = true, property = {"fcr.mbean=org.fcredirect:type=FlowManager",
                HealthCheck.NAME + "=flow",
                HealthCheck.SERVICE + "=org.fcredirect.flow.api.FlowService",
                HealthCheck.SERVICE + "=org.fcredirect.flow.api.LoginTable",
                HealthCheck.SERVICE + "=org.fcredirect.flow.api.ApplianceInventory"})
@Designate(ocd = FlowConfig.class)
public class FlowManager implements FlowService, LoginTable, ApplianceInventory, HealthCheck {
    static final String PID = "org.fcredirect.flow";
    static final String STREAM = "flow";
    private static final Logger LOG = LoggerFactory.getLogger(FlowManager.class);
    private static final int MAX_REASON = 256;
    /** An import is text an operator wrote or exported: some 200 000 flows, one short line each. */
    static final long MAX_IMPORT_CHARS = 32L << 20;
    static final int MAX_IMPORT_LINE_CHARS = 4 << 10;

    private final EventLog log;
    private final Clock clock;
    private final FlowLock lock = new FlowLock();
    private final EventWriter writer;
    private final RulePublisher publisher = new RulePublisher();
    private final FlowEventDispatcher dispatcher = new FlowEventDispatcher();
    private final PolicyListener policyListener = this::policyChanged;
    private volatile FlowSettings settings;
    private volatile PolicyService policy;
    private final Object policyBinding = new Object();
    private ServiceReference<PolicyService> policyOffered;
    private ServiceReference<PolicyService> policyFrom;
    private final ExecutorService policyBinder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fcr-flow-policy-binder");
        t.setDaemon(true);
        return t;
    });
    private BundleContext bundle;
    private volatile FlowModel model;
    private Placements placements;
    private long lastSequence;
    private long eventsSinceSnapshot;

    @Activate
    public FlowManager(@Reference(name = "eventLog") EventLog log, FlowConfig config, BundleContext bundle) {
        this(log, config);
        this.bundle = bundle;
    }

    /** Outside a container (benchmarks, other bundles' tests): no policy engine is bound by SCR. */
    public FlowManager(EventLog log, FlowConfig config) {
        this(log, Clock.systemUTC(), settingsOf(config));
    }

    /** Rebuilds the state from the log; for tests, with any clock and settings. */
    FlowManager(EventLog log, Clock clock, FlowSettings settings) {
        this.log = log;
        this.clock = clock;
        this.settings = settings;
        this.writer = new EventWriter(log, STREAM, settings.appendTimeoutSeconds() * 1000L);
        rebuild();
        change(effects -> {
            commitFollowUp("Reconciling flows with appliance health after start", reconcile(null), effects);
            return null;
        });
    }

    private static FlowSettings settingsOf(FlowConfig config) {
        try {
            return FlowSettings.from(config);
        } catch (ValidationException e) {
            LOG.error("Flow manager not started: configuration {} rejected: {}", PID, e.getMessage());
            throw e;
        }
    }

    @Modified
    void modified(FlowConfig config) {
        try {
            settings(FlowSettings.from(config));
        } catch (ValidationException e) {
            LOG.error("Flow manager configuration change rejected, keeping {}: {}", settings, e.getMessage());
        }
    }

    void settings(FlowSettings next) {
        settings = next;
        writer.timeoutMillis(next.appendTimeoutSeconds() * 1000L);
    }

    /** Registered only once the replay is done, so answering in time says replayed and responsive. */
    @Override
    public HealthResult check() {
        List<Appliance> appliances = list();
        long down = appliances.stream().filter(a -> !a.healthy()).count();
        Map<String, String> details = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<FlowState, Long> e : countByState().entrySet()) {
            details.put("flows." + e.getKey(), Long.toString(e.getValue()));
            total += e.getValue();
        }
        details.put("appliances", Integer.toString(appliances.size()));
        details.put("appliancesUnhealthy", Long.toString(down));
        details.put("policyEngine", policy != null ? "following" : "absent: new flows get " + settings.defaultAction());
        return HealthResult.healthy("replayed and answering: " + total + " flows, " + appliances.size()
                + " appliances (" + down + " unhealthy)", details);
    }

    @Deactivate
    void deactivate() {
        policyBinder.shutdownNow();
        PolicyService p = policy;
        if (p != null) {
            p.removeListener(policyListener);
        }
        dispatcher.close();
    }

    /**
     * SCR offers the policy engine without getting it: the engine needs this component's
     * inventory, so getting it while this component activates is a circular reference (SCR logs
     * an error and binds late). The binder thread gets it, waiting for this activation to end.
     */
    @Reference(name = "policy", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindPolicy")
    void bindPolicy(ServiceReference<PolicyService> ref) {
        synchronized (policyBinding) {
            policyOffered = ref;
        }
        policyBinder.execute(() -> {
            PolicyService p = bundle.getService(ref);
            synchronized (policyBinding) {
                if (p != null && policyOffered == ref) {
                    followPolicy(p);
                    policyFrom = ref;
                } else if (p != null) {
                    bundle.ungetService(ref);
                }
            }
        });
    }

    void unbindPolicy(ServiceReference<PolicyService> ref) {
        synchronized (policyBinding) {
            if (policyOffered == ref) {
                policyOffered = null;
            }
            if (policyFrom == ref) {
                policyFrom = null;
                forgetPolicy(policy);
                bundle.ungetService(ref);
            }
        }
    }

    /** Decides flows by this engine from now on, and every flow again right away. */
    void followPolicy(PolicyService p) {
        change(effects -> {
            PolicyService old = policy;
            if (old != null) {
                old.removeListener(policyListener);
            }
            policy = p;
            p.addListener(policyListener);
            commitFollowUp("Deciding flows by the policy engine", redecide(slot -> true), effects);
            return null;
        });
        LOG.info("Policy engine bound: flows without an explicit appliance follow its decisions");
    }

    void forgetPolicy(PolicyService p) {
        if (p != null && policy == p) {
            p.removeListener(policyListener);
            policy = null;
            LOG.info("Policy engine gone: new flows get the default action {} until it returns", settings.defaultAction());
        }
    }

    @Reference(name = "ruleSink", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindRuleSink")
    void bindRuleSink(RuleSink sink) {
        lock.change(() -> {
            publisher.bind(sink);
            publisher.publishAll(model);
            return null;
        });
    }

    void unbindRuleSink(RuleSink sink) {
        publisher.unbind(sink);
    }

    // ---------------------------------------------------------------- rebuild and commit

    private void rebuild() {
        long started = System.nanoTime();
        Optional<Snapshot> snapshot = log.loadSnapshot(STREAM);
        FlowModel m = snapshot.map(s -> {
            try {
                return FlowSnapshotCodec.decode(s.data());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the flow stream's snapshot at sequence " + s.sequence()
                        + " cannot be read: " + e.getMessage(), e);
            }
        }).orElseGet(() -> new FlowModel(1024));
        long[] last = {snapshot.map(Snapshot::sequence).orElse(0L)};
        long[] replayed = {0};
        BatchAssembler assembler = new BatchAssembler();
        Effects none = Effects.ignored();
        log.replay(StreamFilter.of(STREAM), last[0] + 1, e -> {
            try {
                for (Encoded x : assembler.feed(e)) {
                    m.apply(FlowEventCodec.decode(x.type(), x.payload()), none);
                    replayed[0]++;
                }
            } catch (RuntimeException failure) {
                throw new IllegalStateException("flow stream event " + e.type() + " at sequence " + e.sequence()
                        + " cannot be applied: " + failure.getMessage(), failure);
            }
            last[0] = e.sequence();
            return true;
        });
        assembler.finish();
        model = m;
        placements = new Placements(m, () -> policy, () -> settings);
        lastSequence = last[0];
        eventsSinceSnapshot = replayed[0];
        LOG.info("Flow manager started: {} flows, {} logins, {} appliances from {} and {} events in {} ms",
                m.flows.liveCount(), m.logins.count(), m.appliances().list().size(),
                snapshot.map(s -> "the snapshot at sequence " + s.sequence()).orElse("no snapshot"), replayed[0],
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Runs a change, then publishes its rules and events and takes a due snapshot. */
    private <T> T change(Function<Effects, T> op) {
        return lock.change(() -> {
            writer.checkInStep();
            Effects effects = Effects.recording(dispatcher.hasListeners());
            try {
                return op.apply(effects);
            } finally {
                model.clearReservations();
                finish(effects);
            }
        });
    }

    private void commit(List<FlowChange> changes, Effects effects) {
        List<Encoded> events = new ArrayList<>();
        for (FlowChange c : changes) {
            events.addAll(FlowEventCodec.encode(c));
        }
        lastSequence = writer.append(events);
        eventsSinceSnapshot += events.size();
        lock.write(() -> changes.forEach(c -> model.apply(c, effects)));
    }

    /**
     * Stores what follows from a change already made (failover moves, new decisions). When the log
     * refuses, the change stands and the flows catch up at the next start, which reconciles them.
     */
    private void commitFollowUp(String what, List<FlowChange> changes, Effects effects) {
        if (changes.isEmpty()) {
            return;
        }
        try {
            commit(changes, effects);
        } catch (NotStoredException e) {
            LOG.error("{}: not stored, flows keep their previous placement until the next start: {}", what,
                    e.getMessage());
        }
    }

    private void finish(Effects effects) {
        if (effects.isEmpty()) {
            return;
        }
        publisher.publish(model, effects);
        if (dispatcher.hasListeners()) {
            dispatcher.dispatch(events(effects));
        }
        lock.write(model.flows::compactIfSparse);
        FlowSettings s = settings;
        if (s.snapshotEvery() > 0 && eventsSinceSnapshot >= s.snapshotEvery()) {
            takeSnapshot();
        }
    }

    private List<FlowEvent> events(Effects effects) {
        List<FlowEvent> events = new ArrayList<>(effects.touchedCount() + effects.deletedFlows().size());
        for (int i = 0; i < effects.touchedCount(); i++) {
            int slot = effects.slot(i);
            byte before = effects.previousState(i);
            Flow f = model.flow(slot);
            events.add(before == Effects.CREATED ? new FlowEvent(FlowEvent.Type.CREATED, f, Optional.empty())
                    : new FlowEvent(FlowEvent.Type.UPDATED, f, Optional.of(FlowState.values()[before])));
        }
        for (Flow f : effects.deletedFlows()) {
            events.add(new FlowEvent(FlowEvent.Type.DELETED, f, Optional.of(f.state())));
        }
        return events;
    }

    private void takeSnapshot() {
        try {
            byte[] data = FlowSnapshotCodec.encode(model);
            log.saveSnapshot(STREAM, lastSequence, data);
            LOG.info("Flow snapshot saved at sequence {}: {} flows, {} bytes", lastSequence, model.flows.liveCount(),
                    data.length);
        } catch (RuntimeException e) {
            LOG.warn("Flow snapshot at sequence {} not saved (a restart replays more events): {}", lastSequence,
                    e.getMessage());
        }
        eventsSinceSnapshot = 0;
    }

    private long now() {
        return FlowModel.micros(clock.instant());
    }

    // ---------------------------------------------------------------- decisions

    /** New decisions for the policy-decided flows that {@code which} selects, where they changed. */
    private List<FlowChange> redecide(IntPredicate which) {
        if (policy == null) {
            return List.of();
        }
        List<Redecision> changed = new ArrayList<>();
        FlowColumns c = model.flows.c;
        model.flows.forEachLive(s -> {
            if (c.explicit[s] == NameTable.NONE && which.test(s)) {
                FlowChange.Placement p = placements.redecide(s);
                if (p != null) {
                    changed.add(new Redecision(c.id[s], p));
                }
            }
        });
        return changed.isEmpty() ? List.of() : List.of(new FlowsDecided(now(), changed));
    }

    /**
     * Puts the redirected flows of a group (or of all groups) where they should run now: failover
     * to a standby, failback home, a decision for flows whose group had no appliance to offer.
     */
    private List<FlowChange> reconcile(String group) {
        int g = group == null ? NameTable.NONE : model.names.find(group);
        if (group != null && g == NameTable.NONE) {
            return List.of();
        }
        FlowColumns c = model.flows.c;
        byte redirect = WireCodes.code(FlowAction.REDIRECT);
        List<Move> moves = new ArrayList<>();
        BitSet homeless = new BitSet();
        model.flows.forEachLive(s -> {
            if (c.action[s] != redirect || group != null && c.group[s] != g) {
                return;
            }
            if (c.explicit[s] == NameTable.NONE && c.home[s] == NameTable.NONE && policy != null) {
                homeless.set(s);
                return;
            }
            String desired = placements.place(s);
            if (placements.currentDiffers(s, desired)) {
                moves.add(new Move(c.id[s], desired));
            }
        });
        List<FlowChange> changes = new ArrayList<>(2);
        if (!moves.isEmpty()) {
            changes.add(new FlowsMoved(now(), moves));
        }
        if (!homeless.isEmpty()) {
            changes.addAll(redecide(homeless::get));
        }
        return changes;
    }

    private void policyChanged(PolicyEvent event) {
        String what = event.type().name().toLowerCase(Locale.ROOT);
        change(effects -> {
            List<FlowChange> changes = redecide(s -> event.affects(FlowContext.of(model.spec(s))));
            commitFollowUp("Deciding flows again after policy " + event.name() + " was " + what, changes, effects);
            if (!changes.isEmpty()) {
                LOG.info("Policy {} {}: {} flows decided again", event.name(), what,
                        ((FlowsDecided) changes.get(0)).flows().size());
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- FlowService

    @Override
    public FlowId create(FlowSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return change(effects -> {
            checkNew(spec);
            long id = model.nextId();
            NewFlow flow = new NewFlow(id, spec, placements.decide(spec));
            commit(List.of(new FlowsCreated(now(), List.of(flow))), effects);
            LOG.debug("Flow {} created: {}", id, spec);
            return FlowId.of(id);
        });
    }

    private void checkNew(FlowSpec spec) {
        int vsan = spec.vsan().value();
        int existing = model.find(vsan, spec.initiator().value(), spec.target().value(), spec.lun());
        if (existing >= 0) {
            throw new ValidationException("flow", describe(spec), "exists already as flow " + model.flows.c.id[existing]);
        }
        checkNotVirtual(FlowSpec.INITIATOR, spec.vsan(), spec.initiator());
        checkNotVirtual(FlowSpec.TARGET, spec.vsan(), spec.target());
        if (spec.appliance().isPresent()) {
            String name = spec.appliance().get();
            Appliance a = model.appliances().get(name).orElseThrow(() -> new NotFoundException(FlowSpec.APPLIANCE, name,
                    "no such appliance"));
            if (a.portsIn(spec.vsan()).isEmpty()) {
                throw new ValidationException(FlowSpec.APPLIANCE, name, "has no virtual ports in VSAN " + vsan);
            }
        }
    }

    private void checkNotVirtual(String field, VsanId vsan, Wwn wwn) {
        model.appliances().holderOf(vsan, wwn.value(), -1).ifPresent(a -> {
            throw new ValidationException(field, wwn, "is a virtual port of appliance " + a.name() + " in VSAN " + vsan);
        });
    }

    private static String describe(FlowSpec s) {
        return "vsan " + s.vsan() + " " + s.initiator() + " -> " + s.target()
                + (s.lun().isPresent() ? " lun " + s.lun().getAsInt() : "");
    }

    @Override
    public void delete(FlowId id) {
        Objects.requireNonNull(id, "id");
        change(effects -> {
            if (model.flows.slotOf(id.value()) < 0) {
                throw new NotFoundException("flow id", id);
            }
            commit(List.of(new FlowDeleted(now(), id.value())), effects);
            LOG.debug("Flow {} deleted", id);
            return null;
        });
    }

    @Override
    public Optional<Flow> get(FlowId id) {
        return lock.read(() -> {
            int slot = model.flows.slotOf(id.value());
            return slot < 0 ? Optional.<Flow>empty() : Optional.of(model.flow(slot));
        });
    }

    @Override
    public Optional<Flow> find(VsanId vsan, Wwn initiator, Wwn target, OptionalInt lun) {
        return lock.read(() -> {
            int slot = model.find(vsan.value(), initiator.value(), target.value(), lun);
            return slot < 0 ? Optional.<Flow>empty() : Optional.of(model.flow(slot));
        });
    }

    @Override
    public FlowPage list(FlowFilter filter, int offset, int limit) {
        if (offset < 0) {
            throw new ValidationException("offset", offset, "must be 0 or more");
        }
        if (limit < 1) {
            throw new ValidationException("limit", limit, "must be 1 or more");
        }
        return lock.read(() -> {
            SlotFilter f = new SlotFilter(filter, model);
            List<Flow> page = new ArrayList<>(Math.min(limit, 1024));
            long[] total = {0};
            model.flows.forEachLive(s -> {
                if (f.matches(s)) {
                    if (total[0] >= offset && page.size() < limit) {
                        page.add(model.flow(s));
                    }
                    total[0]++;
                }
            });
            return new FlowPage(page, offset, total[0]);
        });
    }

    @Override
    public long count(FlowFilter filter) {
        return lock.read(() -> {
            SlotFilter f = new SlotFilter(filter, model);
            if (f.all()) {
                return (long) model.flows.liveCount();
            }
            long[] n = {0};
            model.flows.forEachLive(s -> {
                if (f.matches(s)) {
                    n[0]++;
                }
            });
            return n[0];
        });
    }

    @Override
    public Map<FlowState, Long> countByState() {
        return lock.read(() -> model.countByState());
    }

    @Override
    public List<RewriteRule> rules(FlowId id) {
        return lock.read(() -> {
            int slot = model.flows.slotOf(id.value());
            if (slot < 0) {
                throw new NotFoundException("flow id", id);
            }
            return List.copyOf(RuleCompiler.rules(model, slot));
        });
    }

    @Override
    public ImportResult importFlows(Reader input, FlowFormat format) {
        long started = System.nanoTime();
        Reader bounded = new BoundedReader(input, "flow import", MAX_IMPORT_CHARS, MAX_IMPORT_LINE_CHARS);
        List<ParsedFlow> parsed = format == FlowFormat.CSV ? CsvFlowReader.read(bounded) : JsonFlowReader.read(bounded);
        ImportResult result = change(effects -> {
            Map<FlowKey, Integer> lineOf = new HashMap<>(parsed.size() * 2);
            for (ParsedFlow p : parsed) {
                try {
                    checkNew(p.spec());
                } catch (ValidationException e) {
                    throw new ImportException(p.line(), e.field(), e.getMessage(), e);
                }
                Integer earlier = lineOf.putIfAbsent(FlowKey.of(p.spec()), p.line());
                if (earlier != null) {
                    throw new ImportException(p.line(), "flow", "flow '" + describe(p.spec()) + "' is on line "
                            + earlier + " too", null);
                }
            }
            if (parsed.isEmpty()) {
                return new ImportResult(0, Optional.empty(), Optional.empty());
            }
            long first = model.nextId();
            List<NewFlow> flows = new ArrayList<>(parsed.size());
            for (ParsedFlow p : parsed) {
                flows.add(new NewFlow(first + flows.size(), p.spec(), placements.decide(p.spec())));
            }
            commit(List.of(new FlowsCreated(now(), flows)), effects);
            return new ImportResult(flows.size(), Optional.of(FlowId.of(first)),
                    Optional.of(FlowId.of(first + flows.size() - 1)));
        });
        LOG.info("Imported {} flows from {} ({}..{}) in {} ms", result.count(), format,
                result.first().map(FlowId::toString).orElse("-"), result.last().map(FlowId::toString).orElse("-"),
                (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    /** A flow's identity, to find repeats within one import. */
    private record FlowKey(int vsan, long initiator, long target, int lun) {
        static FlowKey of(FlowSpec s) {
            return new FlowKey(s.vsan().value(), s.initiator().value(), s.target().value(), s.lun().orElse(-1));
        }
    }

    @Override
    public void exportFlows(FlowFilter filter, FlowFormat format, Writer output) {
        lock.read(() -> {
            SlotFilter f = new SlotFilter(filter, model);
            FlowExporter exporter = new FlowExporter(output, format);
            try {
                exporter.begin();
                for (int s = 0; s < model.flows.size(); s++) {
                    if (model.flows.c.state[s] != FlowColumns.DELETED && f.matches(s)) {
                        exporter.write(model.spec(s));
                    }
                }
                exporter.end();
            } catch (IOException e) {
                throw new UncheckedIOException("writing the flow export", e);
            }
            return null;
        });
    }

    @Override
    public void addListener(FlowListener listener) {
        dispatcher.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(FlowListener listener) {
        dispatcher.remove(listener);
    }

    // ---------------------------------------------------------------- LoginTable

    @Override
    public void login(VsanId vsan, Wwn pwwn, FcId fcid) {
        loginAll(List.of(new PortLogin(vsan, pwwn, fcid)));
    }

    @Override
    public void loginAll(List<PortLogin> logins) {
        List<PortLogin> all = List.copyOf(logins);
        change(effects -> {
            List<PortLogin> changed = new LoginCheck(model).check(all);
            if (!changed.isEmpty()) {
                commit(List.of(new PortsLoggedIn(now(), changed)), effects);
                LOG.debug("{} ports logged in", changed.size());
            }
            return null;
        });
    }

    @Override
    public void logout(VsanId vsan, Wwn pwwn) {
        change(effects -> {
            if (model.logins.fcidOf(vsan.value(), pwwn.value()) == LoginRegistry.NOT_LOGGED_IN) {
                throw new NotFoundException("pwwn", pwwn, "is not logged in to VSAN " + vsan);
            }
            commit(List.of(new PortLoggedOut(now(), vsan, pwwn)), effects);
            LOG.debug("Port {} logged out of VSAN {}", pwwn, vsan);
            return null;
        });
    }

    @Override
    public Optional<FcId> fcidOf(VsanId vsan, Wwn pwwn) {
        return lock.read(() -> {
            int f = model.logins.fcidOf(vsan.value(), pwwn.value());
            return f == LoginRegistry.NOT_LOGGED_IN ? Optional.<FcId>empty() : Optional.of(FcId.of(f));
        });
    }

    @Override
    public Optional<Wwn> pwwnOf(VsanId vsan, FcId fcid) {
        return lock.read(() -> {
            long w = model.logins.wwnAt(vsan.value(), fcid.value());
            return w == LongLongMap.MISSING ? Optional.<Wwn>empty() : Optional.of(Wwn.of(w));
        });
    }

    @Override
    public List<PortLogin> logins(VsanId vsan) {
        return lock.read(() -> model.logins.list(vsan.value()));
    }

    @Override
    public List<PortLogin> logins() {
        return lock.read(() -> model.logins.list());
    }

    @Override
    public int loginCount() {
        return lock.read(() -> model.logins.count());
    }

    // ---------------------------------------------------------------- ApplianceInventory

    @Override
    public void add(ApplianceSpec spec) {
        Objects.requireNonNull(spec, "spec");
        change(effects -> {
            if (model.appliances().get(spec.name()).isPresent()) {
                throw new ValidationException("name", spec.name(), "an appliance of this name exists");
            }
            for (VirtualPorts p : spec.ports().values()) {
                checkVirtualPort(p.vsan(), p.vtPwwn(), p.vtFcid(), "vt");
                checkVirtualPort(p.vsan(), p.viPwwn(), p.viFcid(), "vi");
            }
            commit(List.of(new ApplianceAdded(now(), spec)), effects);
            commitFollowUp("Placing flows of group " + spec.group(), reconcile(spec.group()), effects);
            LOG.info("Appliance {} added to group {} (weight {}, VSANs {})", spec.name(), spec.group(), spec.weight(),
                    spec.ports().keySet());
            return null;
        });
    }

    private void checkVirtualPort(VsanId vsan, Wwn pwwn, FcId fcid, String which) {
        model.appliances().holderOf(vsan, pwwn.value(), fcid.value()).ifPresent(a -> {
            throw new ValidationException(which + " port", pwwn + " " + fcid, "appliance " + a.name()
                    + " holds this pWWN or FCID in VSAN " + vsan);
        });
        long holder = model.logins.wwnAt(vsan.value(), fcid.value());
        if (holder != LongLongMap.MISSING && holder != pwwn.value()) {
            throw new ValidationException(which + " fcid", fcid, "is held by logged-in port " + Wwn.format(holder)
                    + " in VSAN " + vsan);
        }
        int loggedIn = model.logins.fcidOf(vsan.value(), pwwn.value());
        if (loggedIn != LoginRegistry.NOT_LOGGED_IN && loggedIn != fcid.value()) {
            throw new ValidationException(which + " pwwn", pwwn, "is logged in with FCID " + FcId.format(loggedIn)
                    + " in VSAN " + vsan);
        }
    }

    @Override
    public void remove(String name) {
        change(effects -> {
            if (model.appliances().get(name).isEmpty()) {
                throw new NotFoundException("name", name, "no such appliance");
            }
            int index = model.names.find(name);
            FlowColumns c = model.flows.c;
            long[] users = {0, 0};
            model.flows.forEachLive(s -> {
                if (index != NameTable.NONE && (c.explicit[s] == index || c.home[s] == index || c.current[s] == index)) {
                    if (users[0]++ == 0) {
                        users[1] = c.id[s];
                    }
                }
            });
            if (users[0] > 0) {
                throw new ValidationException("name", name, users[0] + " flows use it (flow " + users[1]
                        + " is one); delete them or let them fail over first");
            }
            commit(List.of(new ApplianceRemoved(now(), name)), effects);
            LOG.info("Appliance {} removed", name);
            return null;
        });
    }

    @Override
    public Optional<Appliance> get(String name) {
        return model.appliances().get(name);
    }

    @Override
    public List<Appliance> list() {
        return model.appliances().list();
    }

    @Override
    public void markUnhealthy(String name, String reason) {
        String why = reason == null || reason.isBlank() ? "unspecified" : reason.strip();
        if (why.length() > MAX_REASON || why.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("reason", why, "must be at most " + MAX_REASON
                    + " characters without control characters");
        }
        markHealth(name, false, why);
    }

    @Override
    public void markHealthy(String name) {
        markHealth(name, true, "");
    }

    private void markHealth(String name, boolean healthy, String reason) {
        change(effects -> {
            Appliance a = model.appliances().get(name)
                    .orElseThrow(() -> new NotFoundException("name", name, "no such appliance"));
            if (a.healthy() == healthy) {
                return null;
            }
            commit(List.of(new ApplianceHealthChanged(now(), name, healthy, reason)), effects);
            List<FlowChange> follow = reconcile(a.group());
            commitFollowUp((healthy ? "Failing back to " : "Failing over from ") + name, follow, effects);
            long moved = follow.stream().filter(FlowsMoved.class::isInstance)
                    .mapToLong(f -> ((FlowsMoved) f).moves().size()).sum();
            if (healthy) {
                LOG.info("Appliance {} healthy again: {} flows touched, {} moved", name, effects.touchedCount(), moved);
            } else {
                LOG.warn("Appliance {} unhealthy ({}): {} flows touched, {} moved to a standby", name, reason,
                        effects.touchedCount(), moved);
            }
            return null;
        });
    }

    @Override
    public long flowCount(String name) {
        return model.load(name);
    }

    @Override
    public long version() {
        return model.appliances().version();
    }
}
