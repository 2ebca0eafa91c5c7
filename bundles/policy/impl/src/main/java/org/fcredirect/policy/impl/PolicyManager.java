package org.fcredirect.policy.impl;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
import org.fcredirect.storage.api.StreamFilter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy engine, event-sourced on the {@code policy} stream. Evaluation takes no lock of its
 * own beyond the cache's: the policies are an immutable set swapped on change, and the appliance
 * inventory is read without blocking, so the flow manager can evaluate while it holds its lock.
 * Changes are serialized, validated, appended and only then applied; the cache then drops exactly
 * the contexts the changed policy matched before or matches after, and listeners (the flow
 * manager) are told on the changing thread, outside every lock.
 */
@Component(service = PolicyService.class, configurationPid = PolicyManager.PID, immediate = true,
        property = "fcr.mbean=org.fcredirect:type=PolicyEngine")
@Designate(ocd = PolicyConfig.class)
public class PolicyManager implements PolicyService {
    static final String PID = "org.fcredirect.policy";
    static final String STREAM = "policy";
    private static final Logger LOG = LoggerFactory.getLogger(PolicyManager.class);

    private final EventLog log;
    private final ApplianceInventory inventory;
    private final ApplianceChooser chooser;
    private final DecisionCache cache;
    private final List<PolicyListener> listeners = new CopyOnWriteArrayList<>();
    private final Object changes = new Object();
    private volatile PolicySet policies = PolicySet.EMPTY;
    private volatile PolicySettings settings;
    private long lastSequence;
    private long eventsSinceSnapshot;
    private String outOfStep;

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
        rebuild();
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

    private void rebuild() {
        long started = System.nanoTime();
        Optional<Snapshot> snapshot = log.loadSnapshot(STREAM);
        PolicySet set = snapshot.map(s -> {
            try {
                return PolicySet.of(PolicyCodec.decodeSnapshot(s.data()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the policy stream's snapshot at sequence " + s.sequence()
                        + " cannot be read: " + e.getMessage(), e);
            }
        }).orElse(PolicySet.EMPTY);
        long[] last = {snapshot.map(Snapshot::sequence).orElse(0L)};
        PolicySet[] current = {set};
        long[] replayed = {0};
        log.replay(StreamFilter.of(STREAM), last[0] + 1, e -> {
            try {
                current[0] = switch (e.type()) {
                    case PolicyCodec.ADDED, PolicyCodec.UPDATED -> current[0].with(PolicyCodec.decodePolicy(e.payload()));
                    case PolicyCodec.REMOVED -> current[0].without(PolicyCodec.decodeRemoved(e.payload()));
                    default -> throw new IllegalArgumentException("unknown policy event type");
                };
            } catch (RuntimeException failure) {
                throw new IllegalStateException("policy stream event " + e.type() + " at sequence " + e.sequence()
                        + " cannot be applied: " + failure.getMessage(), failure);
            }
            last[0] = e.sequence();
            replayed[0]++;
            return true;
        });
        policies = current[0];
        lastSequence = last[0];
        eventsSinceSnapshot = replayed[0];
        LOG.info("Policy engine started: {} policies from {} and {} events in {} ms", current[0].size(),
                snapshot.map(s -> "the snapshot at sequence " + s.sequence()).orElse("no snapshot"), replayed[0],
                (System.nanoTime() - started) / 1_000_000);
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
        PolicyEvent event;
        synchronized (changes) {
            checkInStep();
            if (policies.get(policy.name()).isPresent()) {
                throw new ValidationException(Policy.NAME, policy.name(), "a policy of this name exists; update it instead");
            }
            checkConflict(policy);
            store(PolicyCodec.ADDED, PolicyCodec.encode(policy));
            policies = policies.with(policy);
            event = new PolicyEvent(PolicyEvent.Type.ADDED, Optional.empty(), Optional.of(policy));
            applied(event);
        }
        notifyListeners(event);
    }

    @Override
    public void update(Policy policy) {
        Objects.requireNonNull(policy, "policy");
        PolicyEvent event;
        synchronized (changes) {
            checkInStep();
            Policy before = policies.get(policy.name())
                    .orElseThrow(() -> new NotFoundException(Policy.NAME, policy.name(), "no such policy"));
            if (before.equals(policy)) {
                return;
            }
            checkConflict(policy);
            store(PolicyCodec.UPDATED, PolicyCodec.encode(policy));
            policies = policies.with(policy);
            event = new PolicyEvent(PolicyEvent.Type.UPDATED, Optional.of(before), Optional.of(policy));
            applied(event);
        }
        notifyListeners(event);
    }

    @Override
    public void remove(String name) {
        PolicyEvent event;
        synchronized (changes) {
            checkInStep();
            Policy before = policies.get(name).orElseThrow(() -> new NotFoundException(Policy.NAME, name, "no such policy"));
            store(PolicyCodec.REMOVED, PolicyCodec.encodeRemoved(name));
            policies = policies.without(name);
            event = new PolicyEvent(PolicyEvent.Type.REMOVED, Optional.of(before), Optional.empty());
            applied(event);
        }
        notifyListeners(event);
    }

    private void checkConflict(Policy policy) {
        policies.conflictWith(policy).ifPresent(other -> {
            throw new ValidationException(Policy.PRIORITY, policy.priority(), "conflicts with policy " + other.name()
                    + " at the same priority: a flow could match both (" + other.match() + "); give one another priority"
                    + " or narrow a match");
        });
    }

    /** After a change is durable and in effect: the cache, the log line and a due snapshot. */
    private void applied(PolicyEvent event) {
        cache.invalidate(event::affects);
        LOG.info("Policy {} {}: {}", event.name(), event.type().name().toLowerCase(Locale.ROOT),
                event.after().map(Policy::toString).orElse("(removed)"));
        PolicySettings s = settings;
        if (s.snapshotEvery() > 0 && eventsSinceSnapshot >= s.snapshotEvery()) {
            try {
                log.saveSnapshot(STREAM, lastSequence, PolicyCodec.encodeSnapshot(policies.list()));
            } catch (RuntimeException e) {
                LOG.warn("Policy snapshot at sequence {} not saved (a restart replays more events): {}", lastSequence,
                        e.getMessage());
            }
            eventsSinceSnapshot = 0;
        }
    }

    private void notifyListeners(PolicyEvent event) {
        for (PolicyListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.error("Policy listener {} failed on policy {} {}: {}", l, event.name(), event.type(), e.toString());
            }
        }
    }

    private void checkInStep() {
        if (outOfStep != null) {
            throw new NotStoredException(outOfStep, null);
        }
    }

    private void store(String type, byte[] payload) {
        long timeout = settings.appendTimeoutSeconds();
        try {
            Appended a = log.append(STREAM, type, payload).get(timeout, TimeUnit.SECONDS);
            lastSequence = a.sequence();
            eventsSinceSnapshot++;
        } catch (StorageException e) {
            throw new NotStoredException("the event log refused the change: " + e.getMessage(), e);
        } catch (ExecutionException e) {
            throw new NotStoredException("the event log failed to store the change: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            outOfStep = "an append to the event log took longer than " + timeout + " s and its outcome is unknown;"
                    + " restart the policy engine to rebuild its state from the log";
            throw new NotStoredException(outOfStep, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outOfStep = "interrupted while the event log stored a change; its outcome is unknown; restart the policy"
                    + " engine to rebuild its state from the log";
            throw new NotStoredException(outOfStep, e);
        }
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
