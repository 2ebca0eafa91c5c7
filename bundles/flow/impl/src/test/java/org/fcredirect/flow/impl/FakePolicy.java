package org.fcredirect.flow.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.policy.api.Balancing;
import org.fcredirect.policy.api.CacheStatistics;
import org.fcredirect.policy.api.Decision;
import org.fcredirect.policy.api.FlowContext;
import org.fcredirect.policy.api.Policy;
import org.fcredirect.policy.api.PolicyEvent;
import org.fcredirect.policy.api.PolicyListener;
import org.fcredirect.policy.api.PolicyService;

/** A policy engine whose decisions a test sets; it tells listeners when the test says so. */
final class FakePolicy implements PolicyService {
    final List<PolicyListener> listeners = new CopyOnWriteArrayList<>();
    final List<FlowContext> evaluated = new ArrayList<>();
    volatile Function<FlowContext, Decision> decide = c -> Decision.noMatch(FlowAction.PERMIT);

    static Decision redirect(String policy, String group, String appliance, FailoverMode failover) {
        return new Decision(FlowAction.REDIRECT, Optional.of(policy), Optional.of(group), Optional.ofNullable(appliance),
                Optional.of(Balancing.TARGET_AFFINITY), Optional.of(failover));
    }

    static Decision of(String policy, FlowAction action) {
        return new Decision(action, Optional.of(policy), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** Tells the listeners that a policy matching every flow changed. */
    void changed() {
        Policy every = Policy.builder("p").action(FlowAction.PERMIT).build();
        PolicyEvent e = new PolicyEvent(PolicyEvent.Type.UPDATED, Optional.of(every), Optional.of(every));
        listeners.forEach(l -> l.onEvent(e));
    }

    @Override
    public synchronized Decision evaluate(FlowContext context) {
        evaluated.add(context);
        return decide.apply(context);
    }

    @Override
    public Decision evaluateDryRun(FlowContext context) {
        throw new UnsupportedOperationException("a fake: these tests do not call it");
    }

    @Override
    public void add(Policy policy) {
        throw new UnsupportedOperationException("a fake: these tests do not call it");
    }

    @Override
    public void update(Policy policy) {
        throw new UnsupportedOperationException("a fake: these tests do not call it");
    }

    @Override
    public void remove(String name) {
        throw new UnsupportedOperationException("a fake: these tests do not call it");
    }

    @Override
    public Optional<Policy> get(String name) {
        return Optional.empty();
    }

    @Override
    public List<Policy> list() {
        return List.of();
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
