package org.fcredirect.flow.impl;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.api.StreamFilter;
import org.fcredirect.storage.api.StreamProgress;
import org.fcredirect.storage.follow.ChangeGuard;
import org.fcredirect.storage.follow.GuardedOrder;
import org.fcredirect.storage.follow.StreamFollower;
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
 * on the one {@code flow} stream. The model is rebuilt from the newest snapshot and the events
 * after it when the component starts, then follows the stream ({@link StreamFollower}): every
 * node's events apply in log order, so every node sharing the log holds the same flows. A change
 * is validated and decided on the current state, appended behind a {@link ChangeGuard}, and
 * acknowledged once it came back from the log and applied; a change another node's change
 * overtook is refused by every node alike ({@link GuardedOrder}) and decided again on the newer
 * state, where it may no longer hold (a duplicate flow), which the caller is told. One stream
 * keeps one total order: an appliance's health change and the failover moves it causes replay in
 * the order they were taken.
 *
 * <p>Registered under this bundle-private type only, for {@link FlowManager}, {@link LoginManager}
 * and {@link InventoryManager}: they share the state but none references another, so the policy
 * engine can need the inventory while the flow manager needs the policy engine.
 *
 * <p>Changes run one at a time ({@link FlowLock}), which also orders the rule batches; reads wait
 * only while a stored change is applied. The appliance registry and loads are readable without
 * any lock, because the policy engine reads them in the middle of a change.
 */
@Component(service = {FlowStore.class, HealthCheck.class, StreamProgress.class}, configurationPid = FlowStore.PID,
        immediate = true, property = {HealthCheck.NAME + "=flow", StreamProgress.STREAM + "=" + FlowStore.STREAM,
                HealthCheck.SERVICE + "=org.fcredirect.flow.api.FlowService",
                HealthCheck.SERVICE + "=org.fcredirect.flow.api.LoginTable",
                HealthCheck.SERVICE + "=org.fcredirect.flow.api.ApplianceInventory"})
@Designate(ocd = FlowConfig.class)
public class FlowStore implements HealthCheck, StreamProgress {
    static final String PID = "org.fcredirect.flow";
    static final String STREAM = "flow";
    /** Tries of a change that other nodes' changes keep overtaking before it gives up. */
    static final int MAX_TRIES = 20;
    /** Snapshot data starts so when it carries the guard state ahead of the model. */
    static final byte GUARDED_SNAPSHOT = 0x47;
    private static final Logger LOG = LoggerFactory.getLogger(FlowStore.class);

    private final EventLog log;
    private final Clock clock;
    private final FlowLock lock = new FlowLock();
    private final EventWriter writer;
    private final RulePublisher publisher = new RulePublisher();
    /**
     * Takes up a newly bound rule sink or policy engine off the thread that bound it, in the order
     * they were bound: see {@link #bindRuleSink} and {@link #followPolicy}.
     */
    private final Executor binder;
    private final Object offers = new Object();
    /** The sink and engine last bound and not unbound since, which the binder may still take up; guarded by offers. */
    private RuleSink offeredSink;
    private PolicyService offeredPolicy;
    private final FlowEventDispatcher dispatcher = new FlowEventDispatcher();
    private final PolicyListener policyListener = this::policyChanged;
    private volatile FlowSettings settings;
    private volatile PolicyService policy;
    private volatile FlowModel model;
    private Placements placements;
    private final long instance = new SecureRandom().nextLong();
    private final BatchAssembler assembler = new BatchAssembler();
    private final StreamFollower follower;
    private GuardedOrder order;
    private long changes;
    private volatile long appliedSequence;
    private long eventsSinceSnapshot;

    @Activate
    public FlowStore(@Reference(name = "eventLog") EventLog log, FlowConfig config) {
        this(log, Clock.systemUTC(), settingsOf(config), Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fcr-flow-binder");
            t.setDaemon(true);
            return t;
        }));
    }

    /** Rebuilds the state from the log; for tests, with any clock and settings, taking up bindings at once. */
    FlowStore(EventLog log, Clock clock, FlowSettings settings) {
        this(log, clock, settings, Runnable::run);
    }

    /** @param binder takes up a newly bound rule sink or policy engine */
    FlowStore(EventLog log, Clock clock, FlowSettings settings, Executor binder) {
        this.log = log;
        this.binder = binder;
        this.clock = clock;
        this.settings = settings;
        this.writer = new EventWriter(log, STREAM, settings.appendTimeoutSeconds() * 1000L);
        this.follower = new StreamFollower(log, STREAM, "fcr-flow-follower", () -> change(effects -> null));
        follower.start(rebuild());
        change(effects -> {
            commitFollowUp("Reconciling flows with appliance health after start", () -> reconcile(null), effects);
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

    @Override
    public String stream() {
        return STREAM;
    }

    @Override
    public long appliedSequence() {
        return appliedSequence;
    }

    @Deactivate
    void deactivate() {
        follower.close();
        PolicyService p = policy;
        if (p != null) {
            p.removeListener(policyListener);
        }
        dispatcher.close();
        if (binder instanceof ExecutorService e) {
            e.shutdownNow(); // what is still queued belongs to this instance, which is going
        }
    }

    /**
     * Decides flows by this engine from now on, and every flow again, on the binder's thread and
     * as a change: deciding a million flows again takes seconds, and the services binding it
     * (the flow service, the engine's own start) need not wait. Until then new flows get the
     * default action and are decided again with the rest.
     */
    void followPolicy(PolicyService p) {
        synchronized (offers) {
            offeredPolicy = p;
        }
        takeUp("the policy engine", () -> {
            boolean followed = change(effects -> {
                synchronized (offers) {
                    if (offeredPolicy != p) {
                        return false; // gone, or replaced by an engine followed next
                    }
                    PolicyService old = policy;
                    if (old != null) {
                        old.removeListener(policyListener);
                    }
                    policy = p;
                    p.addListener(policyListener);
                }
                commitFollowUp("Deciding flows by the policy engine", () -> redecide(slot -> true), effects);
                return true;
            });
            if (followed) {
                LOG.info("Policy engine bound: flows without an explicit appliance follow its decisions");
            }
        });
    }

    void forgetPolicy(PolicyService p) {
        synchronized (offers) {
            if (offeredPolicy == p) {
                offeredPolicy = null;
            }
            if (p != null && policy == p) {
                p.removeListener(policyListener);
                policy = null;
                LOG.info("Policy engine gone: new flows get the default action {} until it returns",
                        settings.defaultAction());
            }
        }
    }

    /**
     * Binds the sink and sends it the full table on the binder's thread, as a change:
     * a million flows take seconds to compile and send, and the flow service answers meanwhile
     * (reads do not wait for changes). Changes that come first publish nothing to this sink and
     * are in the full table; changes that come later wait for it and publish after it, in order.
     */
    void bindRuleSink(RuleSink sink) {
        synchronized (offers) {
            offeredSink = sink;
        }
        takeUp("the fast path's rule sink", () -> lock.change(() -> {
            synchronized (offers) {
                if (offeredSink != sink) {
                    return null; // unbound, or replaced by a sink whose own publication follows
                }
                publisher.bind(sink);
            }
            publisher.publishAll(model);
            return null;
        }));
    }

    /** Runs on the binder; a failure is logged, as no caller is left to tell. */
    private void takeUp(String what, Runnable task) {
        binder.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Taking up {} failed; binding it again (restarting the flow manager) retries: {}", what,
                        e.toString(), e);
            }
        });
    }

    void unbindRuleSink(RuleSink sink) {
        synchronized (offers) {
            if (offeredSink == sink) {
                offeredSink = null;
            }
            publisher.unbind(sink);
        }
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

    /** @return the sequence to follow the stream from: one past what was replayed */
    private long rebuild() {
        long started = System.nanoTime();
        Optional<Snapshot> snapshot = log.loadSnapshot(STREAM);
        long loaded = System.nanoTime();
        long[] lastApplied = {0};
        FlowModel m = snapshot.map(s -> {
            try {
                // one copy: Snapshot.data() copies every time, and a million flows are 77 MB
                byte[] bytes = s.data();
                ByteBuffer data = ByteBuffer.wrap(bytes);
                if (data.get(0) == GUARDED_SNAPSHOT) {
                    lastApplied[0] = data.getLong(1);
                    return FlowSnapshotCodec.decode(bytes, 9);
                }
                lastApplied[0] = s.sequence();
                return FlowSnapshotCodec.decode(bytes);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new IllegalStateException("the flow stream's snapshot at sequence " + s.sequence()
                        + " cannot be read: " + e.getMessage(), e);
            }
        }).orElseGet(() -> new FlowModel(1024));
        long decoded = System.nanoTime();
        model = m;
        order = new GuardedOrder(instance, lastApplied[0], EventWriter.PART::equals);
        appliedSequence = snapshot.map(Snapshot::sequence).orElse(0L);
        long[] replayed = {0};
        Effects none = Effects.ignored();
        long next = log.replay(StreamFilter.of(STREAM), appliedSequence + 1, e -> {
            replayed[0] += applyLogged(e, none);
            return true;
        });
        placements = new Placements(m, () -> policy, () -> settings);
        eventsSinceSnapshot = replayed[0];
        long done = System.nanoTime();
        LOG.info("Flow store started: {} flows, {} logins, {} appliances from {} and {} events in {} ms (snapshot read"
                + " {} ms, decoded {} ms, events replayed {} ms)", m.flows.liveCount(), m.logins.count(),
                m.appliances().list().size(),
                snapshot.map(s -> "the snapshot at sequence " + s.sequence()).orElse("no snapshot"), replayed[0],
                (done - started) / 1_000_000, (loaded - started) / 1_000_000, (decoded - loaded) / 1_000_000,
                (done - decoded) / 1_000_000);
        return Math.max(next, appliedSequence + 1);
    }

    /**
     * Applies one event of the stream, any node's, as {@link GuardedOrder} admits it.
     *
     * @return what it costs a replay: see {@link #weight}
     */
    private int applyLogged(StoredEvent e, Effects effects) {
        int applied = 0;
        try {
            GuardedOrder.Admitted admitted = order.admit(e);
            for (StoredEvent inner : admitted.events()) {
                if (!admitted.applies()) {
                    assembler.discard(inner);
                    continue;
                }
                for (Encoded x : assembler.feed(inner)) {
                    FlowChange change = FlowEventCodec.decode(x.type(), x.payload());
                    model.apply(change, effects);
                    applied += weight(change);
                }
            }
        } catch (RuntimeException failure) {
            throw new IllegalStateException("flow stream event " + e.type() + " at sequence " + e.sequence()
                    + " cannot be applied: " + failure.getMessage(), failure);
        }
        appliedSequence = e.sequence();
        return applied;
    }

    /**
     * What a change costs a replay, and so counts toward the next snapshot: one per flow, login
     * or move it carries. Counting events instead, an import of a million flows (a few thousand
     * events) would never reach a snapshot, and every restart would replay it.
     */
    private static int weight(FlowChange c) {
        if (c instanceof FlowChange.FlowsCreated f) {
            return f.flows().size();
        } else if (c instanceof FlowChange.FlowsDecided d) {
            return d.flows().size();
        } else if (c instanceof FlowChange.FlowsMoved m) {
            return m.moves().size();
        } else if (c instanceof FlowChange.PortsLoggedIn l) {
            return l.logins().size();
        }
        return 1;
    }

    /** Applies events that came from the log, any node's, inside a change. */
    private void applyArrived(List<StoredEvent> events, Effects effects) {
        lock.write(() -> {
            for (StoredEvent e : events) {
                eventsSinceSnapshot += applyLogged(e, effects);
            }
        });
    }

    /**
     * Runs a change, then publishes its rules and events and takes a due snapshot. Events other
     * nodes stored first apply before it; when one overtook it while it was being stored, it runs
     * again on the newer state.
     */
    <T> T change(Function<Effects, T> op) {
        return lock.change(() -> {
            Effects effects = Effects.recording(dispatcher.hasListeners());
            try {
                follower.drain(events -> applyArrived(events, effects));
                follower.yieldTo(order::starvingLoss, StreamFollower.YIELD_MILLIS,
                        events -> applyArrived(events, effects));
                for (int tries = 1;; tries++) {
                    try {
                        return op.apply(effects);
                    } catch (ChangeLost lost) {
                        if (tries == MAX_TRIES) {
                            throw new NotStoredException("the change was overtaken by other nodes' changes " + tries
                                    + " times; last by " + lost.verdict.winner() + "; try it again", null);
                        }
                        LOG.debug("Change decided at sequence {} overtaken by {}; deciding it again", lost.base,
                                lost.verdict.winner());
                    } catch (RuntimeException refused) {
                        if (tries > 1) {
                            LOG.warn("A change decided on this node lost to a concurrent change of another node and"
                                    + " no longer applies: {}", refused.getMessage());
                        }
                        throw refused;
                    } finally {
                        model.clearReservations();
                    }
                }
            } finally {
                finish(effects);
            }
        });
    }

    /** A change of this node another node's change overtook: every node skipped it. */
    private static final class ChangeLost extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient GuardedOrder.Verdict verdict;
        final long base;

        ChangeLost(GuardedOrder.Verdict verdict, long base) {
            super(null, null, false, false);
            this.verdict = verdict;
            this.base = base;
        }
    }

    /**
     * Stores a change decided on the current state and applies it, with every other node's events
     * before it, once it comes back from the log.
     *
     * @throws ChangeLost (to {@link #change}) when another node's change came first
     */
    void commit(List<FlowChange> changes, Effects effects) {
        long base = appliedSequence;
        long change = ++this.changes;
        store(changes, new ChangeGuard(log.nodeId(), instance, change, base), effects);
        GuardedOrder.Verdict verdict = order.verdict(change)
                .orElseThrow(() -> new IllegalStateException("change " + change + " applied without its guard"));
        if (!verdict.accepted()) {
            throw new ChangeLost(verdict, base);
        }
    }

    /**
     * Stores what this node observed (logins learned from the wire): facts, not decisions, so they
     * apply wherever they land in the log.
     */
    void commitObserved(List<FlowChange> changes, Effects effects) {
        store(changes, null, effects);
    }

    private void store(List<FlowChange> changes, ChangeGuard guard, Effects effects) {
        List<Encoded> events = new ArrayList<>();
        for (FlowChange c : changes) {
            events.addAll(FlowEventCodec.encode(c));
        }
        long stored = writer.append(events, guard);
        follower.awaitOwn(stored, writer.timeoutMillis(), arrived -> applyArrived(arrived, effects)).ifPresent(why -> {
            throw new NotStoredException("the event log " + why, null);
        });
    }

    /**
     * Stores what follows from a change already made (failover moves, new decisions), decided
     * again when another node's change overtook it. When the log refuses, the change stands and
     * the flows catch up at the next start, which reconciles them.
     *
     * @return the changes stored
     */
    List<FlowChange> commitFollowUp(String what, Supplier<List<FlowChange>> decide, Effects effects) {
        for (int tries = 1; tries <= MAX_TRIES; tries++) {
            List<FlowChange> changes = decide.get();
            if (changes.isEmpty()) {
                return changes;
            }
            try {
                commit(changes, effects);
                return changes;
            } catch (ChangeLost lost) {
                LOG.debug("{}: overtaken by {}; deciding again", what, lost.verdict.winner());
            } catch (NotStoredException e) {
                LOG.error("{}: not stored, flows keep their previous placement until the next start: {}", what,
                        e.getMessage());
                return List.of();
            } finally {
                model.clearReservations();
            }
        }
        LOG.error("{}: overtaken by other nodes' changes {} times; flows keep their placement until the next change",
                what, MAX_TRIES);
        return List.of();
    }

    /**
     * Moves redirected flows that found no free virtual port where they were placed to a group
     * member with room, when their failover mode is standby: the decision that placed them could
     * not know that flows placed before them in the same change would take the last addresses.
     */
    void placeWaiting(Effects effects) {
        if (model.pools.anyWaiting()) {
            commitFollowUp("Placing flows that found no free virtual port", () -> reconcile(null), effects);
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
        if (s.snapshotEvery() > 0 && eventsSinceSnapshot >= s.snapshotEvery() && assembler.idle()) {
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

    /** The model, after the last state-changing sequence the guards compare with (see {@link #rebuild}). */
    private void takeSnapshot() {
        long at = appliedSequence;
        long started = System.nanoTime();
        try {
            byte[] inner = FlowSnapshotCodec.encode(model);
            byte[] data = ByteBuffer.allocate(9 + inner.length).put(GUARDED_SNAPSHOT).putLong(order.lastApplied())
                    .put(inner).array();
            log.saveSnapshot(STREAM, at, data);
            LOG.info("Flow snapshot saved at sequence {}: {} flows, {} bytes in {} ms", at, model.flows.liveCount(),
                    data.length, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("Flow snapshot at sequence {} not saved (a restart replays more events): {}", at, e.getMessage());
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
            List<FlowChange> changes = commitFollowUp("Deciding flows again after policy " + event.name() + " was " + what,
                    () -> redecide(s -> event.affects(FlowContext.of(model.spec(s)))), effects);
            if (!changes.isEmpty()) {
                LOG.info("Policy {} {}: {} flows decided again", event.name(), what,
                        ((FlowsDecided) changes.get(0)).flows().size());
            }
            return null;
        });
    }
}
