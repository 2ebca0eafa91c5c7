package org.fcredirect.policy.impl;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.fcredirect.flow.api.ApplianceInventory;
import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.flow.api.NotFoundException;
import org.fcredirect.flow.api.NotStoredException;
import org.fcredirect.flow.api.ValidationException;
import org.fcredirect.policy.api.CacheStatistics;
import org.fcredirect.policy.api.Decision;
import org.fcredirect.policy.api.FlowContext;
import org.fcredirect.policy.api.Policy;
import org.fcredirect.policy.api.PolicyEvent;
import org.fcredirect.policy.api.PolicyListener;
import org.fcredirect.policy.api.PolicyService;
import org.fcredirect.storage.api.Appended;
import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.Snapshot;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.NewEvent;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.api.StreamFilter;
import org.fcredirect.storage.api.StreamProgress;
import org.fcredirect.storage.follow.ChangeGuard;
import org.fcredirect.storage.follow.ChangeGuard.Inner;
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
 * The policy engine, event-sourced on the {@code policy} stream. Evaluation takes no lock of its
 * own beyond the cache's: the policies are an immutable set swapped on change, and the appliance
 * inventory is read without blocking, so the flow manager can evaluate while it holds its lock.
 * After the rebuild the engine follows the stream ({@link StreamFollower}), so every node's policy
 * changes apply here in log order. Changes are serialized, validated, appended behind a
 * {@link ChangeGuard} and applied when they come back from the log; one another node's change
 * overtook is validated again on the newer state. The cache then drops exactly the contexts the
 * changed policy matched before or matches after, and listeners (the flow manager) are told of
 * every node's changes, outside every lock.
 */
@Component(service = {PolicyService.class, StreamProgress.class}, configurationPid = PolicyManager.PID,
        immediate = true, property = {"fcr.mbean=org.fcredirect:type=PolicyEngine",
                StreamProgress.STREAM + "=" + PolicyManager.STREAM})
@Designate(ocd = PolicyConfig.class)
public class PolicyManager implements PolicyService, StreamProgress {
    static final String PID = "org.fcredirect.policy";
    static final String STREAM = "policy";
    /** Tries of a change that other nodes' changes keep overtaking before it gives up. */
    static final int MAX_TRIES = 20;
    /** Snapshot data starts so when it carries the guard state ahead of the policies. */
    static final byte GUARDED_SNAPSHOT = 0x47;
    private static final Logger LOG = LoggerFactory.getLogger(PolicyManager.class);

    private final EventLog log;
    private final ApplianceInventory inventory;
    private final ApplianceChooser chooser;
    private final DecisionCache cache;
    private final List<PolicyListener> listeners = new CopyOnWriteArrayList<>();
    private final Object changes = new Object();
    private final Object telling = new Object();
    private volatile PolicySet policies = PolicySet.EMPTY;
    private volatile PolicySettings settings;
    private final long instance = new SecureRandom().nextLong();
    private final StreamFollower follower;
    private GuardedOrder order;
    private long changeCount;
    private volatile long appliedSequence;
    private long eventsSinceSnapshot;
    /** Changes applied but not yet told to the listeners, in order; guarded by {@link #changes}. */
    private final List<PolicyEvent> untold = new ArrayList<>();

    @Activate
    public PolicyManager(@Reference(name = "eventLog") EventLog log,
            @Reference(name = "inventory") ApplianceInventory inventory, PolicyConfig config) {
        this(log, inventory, settingsOf(config));
    }

    /** Rebuilds the policies from the log; for tests, with any settings. */
    PolicyManager(EventLog log, ApplianceInventory inventory, PolicySettings settings) {
        this.log = log;
        this.inventory = inventory;
        this.settings = settings;
        this.chooser = new ApplianceChooser(inventory);
        this.cache = new DecisionCache(settings.decisionCacheSize());
        this.follower = new StreamFollower(log, STREAM, "fcr-policy-follower", this::catchUp);
        follower.start(rebuild());
    }

    @Deactivate
    void deactivate() {
        follower.close();
    }

    @Override
    public String stream() {
        return STREAM;
    }

    @Override
    public long appliedSequence() {
        return appliedSequence;
    }

    private static PolicySettings settingsOf(PolicyConfig config) {
        try {
            return PolicySettings.from(config);
        } catch (ValidationException e) {
            LOG.error("Policy engine not started: configuration {} rejected: {}", PID, e.getMessage());
            throw e;
        }
    }

    @Modified
    void modified(PolicyConfig config) {
        try {
            settings(PolicySettings.from(config));
        } catch (ValidationException e) {
            LOG.error("Policy engine configuration change rejected, keeping {}: {}", settings, e.getMessage());
        }
    }

    void settings(PolicySettings next) {
        PolicySettings old = settings;
        settings = next;
        cache.resize(next.decisionCacheSize());
        if (old.defaultAction() != next.defaultAction()) {
            cache.invalidate(context -> true);
        }
    }

    /** @return the sequence to follow the stream from: one past what was replayed */
    private long rebuild() {
        long started = System.nanoTime();
        Optional<Snapshot> snapshot = log.loadSnapshot(STREAM);
        long[] lastApplied = {0};
        PolicySet set = snapshot.map(s -> {
            try {
                byte[] data = s.data();
                if (data.length > 9 && data[0] == GUARDED_SNAPSHOT) {
                    lastApplied[0] = ByteBuffer.wrap(data).getLong(1);
                    data = Arrays.copyOfRange(data, 9, data.length);
                } else {
                    lastApplied[0] = s.sequence();
                }
                return PolicySet.of(PolicyCodec.decodeSnapshot(data));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the policy stream's snapshot at sequence " + s.sequence()
                        + " cannot be read: " + e.getMessage(), e);
            }
        }).orElse(PolicySet.EMPTY);
        policies = set;
        order = new GuardedOrder(instance, lastApplied[0], type -> false);
        appliedSequence = snapshot.map(Snapshot::sequence).orElse(0L);
        long[] replayed = {0};
        long next = log.replay(StreamFilter.of(STREAM), appliedSequence + 1, e -> {
            if (applyLogged(e) != null) {
                replayed[0]++;
            }
            return true;
        });
        eventsSinceSnapshot = replayed[0];
        LOG.info("Policy engine started: {} policies from {} and {} events in {} ms", policies.size(),
                snapshot.map(s -> "the snapshot at sequence " + s.sequence()).orElse("no snapshot"), replayed[0],
                (System.nanoTime() - started) / 1_000_000);
        return Math.max(next, appliedSequence + 1);
    }

    /**
     * Applies one event of the stream, any node's, as {@link GuardedOrder} admits it.
     *
     * @return the change it made, or null
     */
    private PolicyEvent applyLogged(StoredEvent e) {
        PolicyEvent change = null;
        try {
            GuardedOrder.Admitted admitted = order.admit(e);
            if (admitted.applies() && admitted.events().size() == 1) {
                StoredEvent inner = admitted.events().get(0);
                change = switch (inner.type()) {
                    case PolicyCodec.ADDED, PolicyCodec.UPDATED -> {
                        Policy p = PolicyCodec.decodePolicy(inner.payload());
                        Optional<Policy> before = policies.get(p.name());
                        policies = policies.with(p);
                        yield new PolicyEvent(before.isPresent() ? PolicyEvent.Type.UPDATED : PolicyEvent.Type.ADDED,
                                before, Optional.of(p));
                    }
                    case PolicyCodec.REMOVED -> {
                        String name = PolicyCodec.decodeRemoved(inner.payload());
                        Optional<Policy> before = policies.get(name);
                        policies = policies.without(name);
                        yield before.map(b -> new PolicyEvent(PolicyEvent.Type.REMOVED, before, Optional.empty()))
                                .orElse(null);
                    }
                    default -> throw new IllegalArgumentException("unknown policy event type");
                };
            }
        } catch (RuntimeException failure) {
            throw new IllegalStateException("policy stream event " + e.type() + " at sequence " + e.sequence()
                    + " cannot be applied: " + failure.getMessage(), failure);
        }
        appliedSequence = e.sequence();
        return change;
    }

    /** Inside {@link #changes}: applies what came from the log and keeps it for the listeners. */
    private void applyArrived(List<StoredEvent> events) {
        for (StoredEvent e : events) {
            PolicyEvent change = applyLogged(e);
            if (change != null) {
                eventsSinceSnapshot++;
                applied(change);
                untold.add(change);
            }
        }
    }

    /** On the follower's thread: other nodes' changes that arrived between this node's. */
    private void catchUp() {
        synchronized (changes) {
            follower.drain(this::applyArrived);
        }
        tellListeners();
    }

    @Override
    public Decision evaluate(FlowContext context) {
        Objects.requireNonNull(context, "context");
        long version = inventory.version();
        long epoch = cache.epoch();
        Decision cached = cache.get(context, version);
        if (cached != null) {
            return cached;
        }
        Decision d = decide(context, true);
        cache.put(context, d, version, epoch);
        return d;
    }

    @Override
    public Decision evaluateDryRun(FlowContext context) {
        Objects.requireNonNull(context, "context");
        return decide(context, false);
    }

    /**
     * Runs the policies, without the cache.
     *
     * @param takeTurn false for a dry run: a round-robin group shows its next member without moving on
     */
    private Decision decide(FlowContext context, boolean takeTurn) {
        Policy p = policies.firstMatch(context);
        if (p == null) {
            return Decision.noMatch(settings.defaultAction());
        }
        return Decision.of(p, p.action() == FlowAction.REDIRECT ? chooser.choose(p, context, takeTurn) : Optional.empty());
    }

    @Override
    public void add(Policy policy) {
        Objects.requireNonNull(policy, "policy");
        change(() -> {
            if (policies.get(policy.name()).isPresent()) {
                throw new ValidationException(Policy.NAME, policy.name(), "a policy of this name exists; update it instead");
            }
            checkConflict(policy);
            return new Inner(PolicyCodec.ADDED, PolicyCodec.encode(policy));
        });
    }

    @Override
    public void update(Policy policy) {
        Objects.requireNonNull(policy, "policy");
        change(() -> {
            Policy before = policies.get(policy.name())
                    .orElseThrow(() -> new NotFoundException(Policy.NAME, policy.name(), "no such policy"));
            if (before.equals(policy)) {
                return null;
            }
            checkConflict(policy);
            return new Inner(PolicyCodec.UPDATED, PolicyCodec.encode(policy));
        });
    }

    @Override
    public void remove(String name) {
        change(() -> {
            policies.get(name).orElseThrow(() -> new NotFoundException(Policy.NAME, name, "no such policy"));
            return new Inner(PolicyCodec.REMOVED, PolicyCodec.encodeRemoved(name));
        });
    }

    /**
     * Validates a change on the current policies and stores it; decides it again when another
     * node's change overtook it. Listeners hear of it, and of whatever arrived with it, afterwards.
     *
     * @param decide the event to store, or null when there is nothing to change
     */
    private void change(Supplier<Inner> decide) {
        try {
            synchronized (changes) {
                follower.drain(this::applyArrived);
                follower.yieldTo(order::starvingLoss, StreamFollower.YIELD_MILLIS, this::applyArrived);
                for (int tries = 1;; tries++) {
                    Inner event;
                    try {
                        event = decide.get();
                    } catch (RuntimeException refused) {
                        if (tries > 1) {
                            LOG.warn("A policy change decided on this node lost to a concurrent change of another node"
                                    + " and no longer applies: {}", refused.getMessage());
                        }
                        throw refused;
                    }
                    if (event == null) {
                        return;
                    }
                    long base = appliedSequence;
                    long change = ++changeCount;
                    store(List.of(new ChangeGuard(log.nodeId(), instance, change, base).wrap(STREAM, List.of(event))));
                    GuardedOrder.Verdict verdict = order.verdict(change).orElseThrow(
                            () -> new IllegalStateException("policy change " + change + " applied without its guard"));
                    if (verdict.accepted()) {
                        return;
                    }
                    if (tries == MAX_TRIES) {
                        throw new NotStoredException("the policy change was overtaken by other nodes' changes " + tries
                                + " times; last by " + verdict.winner() + "; try it again", null);
                    }
                }
            }
        } finally {
            tellListeners();
        }
    }

    private void checkConflict(Policy policy) {
        policies.conflictWith(policy).ifPresent(other -> {
            throw new ValidationException(Policy.PRIORITY, policy.priority(), "conflicts with policy " + other.name()
                    + " at the same priority: a flow could match both (" + other.match() + "); give one another priority"
                    + " or narrow a match");
        });
    }

    /** After a change is in effect, whichever node made it: the cache, the log line and a due snapshot. */
    private void applied(PolicyEvent event) {
        cache.invalidate(event::affects);
        LOG.info("Policy {} {}: {}", event.name(), event.type().name().toLowerCase(Locale.ROOT),
                event.after().map(Policy::toString).orElse("(removed)"));
        PolicySettings s = settings;
        if (s.snapshotEvery() > 0 && eventsSinceSnapshot >= s.snapshotEvery()) {
            long at = appliedSequence;
            try {
                byte[] inner = PolicyCodec.encodeSnapshot(policies.list());
                log.saveSnapshot(STREAM, at, ByteBuffer.allocate(9 + inner.length).put(GUARDED_SNAPSHOT)
                        .putLong(order.lastApplied()).put(inner).array());
            } catch (RuntimeException e) {
                LOG.warn("Policy snapshot at sequence {} not saved (a restart replays more events): {}", at,
                        e.getMessage());
            }
            eventsSinceSnapshot = 0;
        }
    }

    /**
     * Tells the listeners the changes applied since they last heard, outside the change lock and
     * one thread at a time, so they hear every change in log order.
     */
    private void tellListeners() {
        synchronized (telling) {
            List<PolicyEvent> events;
            synchronized (changes) {
                if (untold.isEmpty()) {
                    return;
                }
                events = List.copyOf(untold);
                untold.clear();
            }
            tell(events);
        }
    }

    private void tell(List<PolicyEvent> events) {
        for (PolicyEvent event : events) {
            for (PolicyListener l : listeners) {
                try {
                    l.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.error("Policy listener {} failed on policy {} {}: {}", l, event.name(), event.type(), e.toString());
                }
            }
        }
    }

    /** Stores a change and applies it, with every other node's events before it, once it comes back from the log. */
    private void store(List<NewEvent> events) {
        long timeout = settings.appendTimeoutSeconds();
        long stored;
        try {
            List<Appended> a = log.appendAll(events).get(timeout, TimeUnit.SECONDS);
            stored = a.get(a.size() - 1).sequence();
        } catch (StorageException e) {
            throw new NotStoredException("the event log refused the change: " + e.getMessage(), e);
        } catch (ExecutionException e) {
            throw new NotStoredException("the event log failed to store the change: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new NotStoredException("an append to the event log took longer than " + timeout + " s and its outcome"
                    + " is unknown: if the log stored it, it applies when it arrives", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotStoredException("interrupted while the event log stored a change; its outcome is unknown: if"
                    + " the log stored it, it applies when it arrives", e);
        }
        follower.awaitOwn(stored, TimeUnit.SECONDS.toMillis(timeout), this::applyArrived).ifPresent(why -> {
            throw new NotStoredException("the event log " + why, null);
        });
    }

    @Override
    public Optional<Policy> get(String name) {
        return policies.get(name);
    }

    @Override
    public List<Policy> list() {
        return policies.list();
    }

    @Override
    public CacheStatistics cacheStatistics() {
        return cache.statistics();
    }

    @Override
    public void addListener(PolicyListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(PolicyListener listener) {
        listeners.remove(listener);
    }
}
