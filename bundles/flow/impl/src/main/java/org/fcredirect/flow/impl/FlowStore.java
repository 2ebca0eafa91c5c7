package org.fcredirect.flow.impl;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

import org.fcredirect.fastpath.api.RuleSink;
import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.FlowEvent;
import org.fcredirect.flow.api.FlowListener;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.flow.api.NotStoredException;
import org.fcredirect.flow.api.ValidationException;
import org.fcredirect.flow.impl.FlowChange.FlowsDecided;
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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event-sourced state behind the flow service, the login table and the appliance inventory,
 * on the one {@code flow} stream. Every change is validated, appended, and only then applied to
 * the {@link FlowModel} and acknowledged; the model is rebuilt from the newest snapshot and the
 * events after it when the component starts. One stream keeps one total order: an appliance's
 * health change and the failover moves it causes replay in the order they were taken.
 *
 * <p>Registered under this bundle-private type only, for {@link FlowManager}, {@link LoginManager}
 * and {@link InventoryManager}: they share the state but none references another, so the policy
 * engine can need the inventory while the flow manager needs the policy engine.
 *
 * <p>Changes run one at a time ({@link FlowLock}), which also orders the rule batches; reads wait
 * only while a stored change is applied. The appliance registry and loads are readable without
 * any lock, because the policy engine reads them in the middle of a change.
 */
@Component(service = {FlowStore.class, HealthCheck.class}, configurationPid = FlowStore.PID, immediate = true,
        property = {HealthCheck.NAME + "=flow",
                HealthCheck.SERVICE + "=org.fcredirect.flow.api.FlowService",
                HealthCheck.SERVICE + "=org.fcredirect.flow.api.LoginTable",
                HealthCheck.SERVICE + "=org.fcredirect.flow.api.ApplianceInventory"})
@Designate(ocd = FlowConfig.class)
public class FlowStore implements HealthCheck {
    static final String PID = "org.fcredirect.flow";
    static final String STREAM = "flow";
    private static final Logger LOG = LoggerFactory.getLogger(FlowStore.class);

    private final EventLog log;
    private final Clock clock;
    private final FlowLock lock = new FlowLock();
    private final EventWriter writer;
    private final RulePublisher publisher = new RulePublisher();
    private final FlowEventDispatcher dispatcher = new FlowEventDispatcher();
    private final PolicyListener policyListener = this::policyChanged;
    private volatile FlowSettings settings;
    private volatile PolicyService policy;
    private volatile FlowModel model;
    private Placements placements;
    private long lastSequence;
    private long eventsSinceSnapshot;

    @Activate
    public FlowStore(@Reference(name = "eventLog") EventLog log, FlowConfig config) {
        this(log, Clock.systemUTC(), settingsOf(config));
    }

    /** Rebuilds the state from the log; for tests, with any clock and settings. */
    FlowStore(EventLog log, Clock clock, FlowSettings settings) {
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
            LOG.error("Flow store not started: configuration {} rejected: {}", PID, e.getMessage());
            throw e;
        }
    }

    @Modified
    void modified(FlowConfig config) {
        try {
            settings(FlowSettings.from(config));
        } catch (ValidationException e) {
            LOG.error("Flow store configuration change rejected, keeping {}: {}", settings, e.getMessage());
        }
    }

    void settings(FlowSettings next) {
        settings = next;
        writer.timeoutMillis(next.appendTimeoutSeconds() * 1000L);
    }

    FlowSettings settings() {
        return settings;
    }

    /** Registered only once the replay is done, so answering in time says replayed and responsive. */
    @Override
    public HealthResult check() {
        List<Appliance> appliances = model.appliances().list();
        long down = appliances.stream().filter(a -> !a.healthy()).count();
        Map<String, String> details = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<FlowState, Long> e : read(model::countByState).entrySet()) {
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
        PolicyService p = policy;
        if (p != null) {
            p.removeListener(policyListener);
        }
        dispatcher.close();
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

    void addListener(FlowListener listener) {
        dispatcher.add(listener);
    }

    void removeListener(FlowListener listener) {
        dispatcher.remove(listener);
    }

    /** The model; read it inside {@link #read} unless the field is readable without a lock. */
    FlowModel model() {
        return model;
    }

    Placements placements() {
        return placements;
    }

    <T> T read(Supplier<T> body) {
        return lock.read(body);
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
        LOG.info("Flow store started: {} flows, {} logins, {} appliances from {} and {} events in {} ms",
                m.flows.liveCount(), m.logins.count(), m.appliances().list().size(),
                snapshot.map(s -> "the snapshot at sequence " + s.sequence()).orElse("no snapshot"), replayed[0],
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Runs a change, then publishes its rules and events and takes a due snapshot. */
    <T> T change(Function<Effects, T> op) {
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

    void commit(List<FlowChange> changes, Effects effects) {
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
    void commitFollowUp(String what, List<FlowChange> changes, Effects effects) {
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

    /**
     * Moves redirected flows that found no free virtual port where they were placed to a group
     * member with room, when their failover mode is standby: the decision that placed them could
     * not know that flows placed before them in the same change would take the last addresses.
     */
    void placeWaiting(Effects effects) {
        if (model.pools.anyWaiting()) {
            commitFollowUp("Placing flows that found no free virtual port", reconcile(null), effects);
        }
    }

    private void finish(Effects effects) {
        if (effects.isEmpty()) {
            return;
        }
        logRedirectIssues(effects);
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

    /**
     * One line for the flows of a change that found no free virtual port, and one for those whose
     * fixed VT/VI make their frames ambiguous, each naming the first flow.
     */
    private void logRedirectIssues(Effects effects) {
        FlowColumns c = model.flows.c;
        long waiting = 0;
        long conflicts = 0;
        String firstWaiting = null;
        String firstConflict = null;
        for (int i = 0; i < effects.touchedCount(); i++) {
            int s = effects.slot(i);
            VirtualPortPool pool = c.isLive(s) ? model.pools.get(model.names.name(c.current[s]), c.vsan[s]) : null;
            if (pool == null) {
                continue;
            }
            if (c.vt[s] == FlowColumns.NO_PORT) {
                if (waiting++ == 0) {
                    firstWaiting = "flow " + c.id[s] + ": " + model.issue(s).orElse("");
                }
                continue;
            }
            long other = pool.isFixed() ? model.fixedPortConflict(s) : -1;
            if (other >= 0 && conflicts++ == 0) {
                firstConflict = "flows " + c.id[s] + " and " + other + " share the one VT/VI of "
                        + model.names.name(c.current[s]) + " in VSAN " + c.vsan[s];
            }
        }
        if (waiting > 0) {
            LOG.warn("{} flows of this change are not redirected, their appliance has no free virtual port ({}); their"
                    + " failover mode decides their traffic until one is freed", waiting, firstWaiting);
        }
        if (conflicts > 0) {
            LOG.warn("{} ({} flows of this change conflict so): their return frames are dropped as ambiguous-rule;"
                    + " give the appliance a pool of virtual ports there (fcr:flow-show names the other flow)",
                    firstConflict, conflicts);
        }
    }

    private List<FlowEvent> events(Effects effects) {
        List<FlowEvent> events = new ArrayList<>(effects.touchedCount() + effects.deletedFlows().size());
        for (int i = 0; i < effects.touchedCount(); i++) {
            int slot = effects.slot(i);
            byte before = effects.previousState(i);
            Flow f = model.flow(slot);
            events.add(before == Effects.CREATED ? new FlowEvent(FlowEvent.Type.CREATED, f, Optional.empty())
                    : new FlowEvent(FlowEvent.Type.UPDATED, f, Optional.of(FlowState.values()[before]),
                            Optional.ofNullable(model.names.name(effects.previousAppliance(i)))));
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

    long now() {
        return FlowModel.micros(clock.instant());
    }

    /** New decisions for the policy-decided flows that {@code which} selects, where they changed. */
    List<FlowChange> redecide(IntPredicate which) {
        return placements.redecide(which, now());
    }

    /** Where the redirected flows of a group (or of all groups) should run now; see {@link Placements}. */
    List<FlowChange> reconcile(String group) {
        return placements.reconcile(group, now());
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
}
