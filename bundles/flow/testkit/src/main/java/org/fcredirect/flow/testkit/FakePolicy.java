package org.fcredirect.flow.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.flow.api.ValidationException;
import org.fcredirect.policy.api.Balancing;
import org.fcredirect.policy.api.CacheStatistics;
import org.fcredirect.policy.api.Decision;
import org.fcredirect.policy.api.FlowContext;
import org.fcredirect.policy.api.Policy;
import org.fcredirect.policy.api.PolicyEvent;
import org.fcredirect.policy.api.PolicyListener;
import org.fcredirect.policy.api.PolicyService;

/**
 * A policy engine whose decisions a test sets ({@link #decide}); it keeps the policies it is
 * given by name without evaluating them, records the calls that change them, refuses the names in
 * {@link #refused} as the engine refuses a conflict, and tells listeners when the test says so.
 */
public final class FakePolicy implements PolicyService {
    public final List<PolicyListener> listeners = new CopyOnWriteArrayList<>();
    public final List<FlowContext> evaluated = new ArrayList<>();
    /** "add NAME", "update NAME", "remove NAME", in call order. */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public volatile Function<FlowContext, Decision> decide = c -> Decision.noMatch(FlowAction.PERMIT);
    public volatile Set<String> refused = Set.of();
    /** The policies by name; a test may put one directly, as another node's change would. */
    public final Map<String, Policy> policies = Collections.synchronizedMap(new TreeMap<>());

    public static Decision redirect(String policy, String group, String appliance, FailoverMode failover) {
        return new Decision(FlowAction.REDIRECT, Optional.of(policy), Optional.of(group), Optional.ofNullable(appliance),
                Optional.of(Balancing.TARGET_AFFINITY), Optional.of(failover));
    }

    public static Decision of(String policy, FlowAction action) {
        return new Decision(action, Optional.of(policy), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** Tells the listeners that a policy matching every flow changed. */
    public void changed() {
        Policy every = Policy.builder("p").action(FlowAction.PERMIT).build();
        PolicyEvent e = new PolicyEvent(PolicyEvent.Type.UPDATED, Optional.of(every), Optional.of(every));
        listeners.forEach(l -> l.onEvent(e));
    }

    @Override
    public synchronized Decision evaluate(FlowContext context) {
        evaluated.add(context);
        return decide.apply(context);
    }

    /** Decides as {@link #evaluate} does, without recording the context: a dry run changes nothing. */
    @Override
    public Decision evaluateDryRun(FlowContext context) {
        return decide.apply(context);
    }

    @Override
    public synchronized void add(Policy policy) {
        calls.add("add " + policy.name());
        if (refused.contains(policy.name()) || policies.containsKey(policy.name())) {
            throw new ValidationException(Policy.PRIORITY, policy.priority(), "conflicts with an operator's policy");
        }
        policies.put(policy.name(), policy);
    }

    @Override
    public synchronized void update(Policy policy) {
        calls.add("update " + policy.name());
        policies.put(policy.name(), policy);
    }

    @Override
    public synchronized void remove(String name) {
        calls.add("remove " + name);
        policies.remove(name);
    }

    @Override
    public synchronized Optional<Policy> get(String name) {
        return Optional.ofNullable(policies.get(name));
    }

    @Override
    public synchronized List<Policy> list() {
        return List.copyOf(policies.values());
    }

    @Override
    public CacheStatistics cacheStatistics() {
        return new CacheStatistics(0, 0, 0, 0, 0, 0);
    }

    @Override
    public void addListener(PolicyListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(PolicyListener listener) {
        listeners.remove(listener);
    }
}
