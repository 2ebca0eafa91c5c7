package org.fcredirect.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.fcredirect.flow.api.ValidationException;
import org.fcredirect.policy.api.CacheStatistics;
import org.fcredirect.policy.api.Decision;
import org.fcredirect.policy.api.FlowContext;
import org.fcredirect.policy.api.Policy;
import org.fcredirect.policy.api.PolicyListener;
import org.fcredirect.policy.api.PolicyService;

/** Policies by name, as far as the demo uses them; refuses the names in {@link #refused} as the engine refuses a conflict. */
final class FakePolicyService implements PolicyService {
    final Map<String, Policy> policies = new TreeMap<>();
    final List<String> calls = new ArrayList<>();
    Set<String> refused = Set.of();

    @Override
    public void add(Policy policy) {
        calls.add("add " + policy.name());
        if (refused.contains(policy.name()) || policies.containsKey(policy.name())) {
            throw new ValidationException(Policy.PRIORITY, policy.priority(), "conflicts with an operator's policy");
        }
        policies.put(policy.name(), policy);
    }

    @Override
    public void update(Policy policy) {
        calls.add("update " + policy.name());
        policies.put(policy.name(), policy);
    }

    @Override
    public void remove(String name) {
        calls.add("remove " + name);
        policies.remove(name);
    }

    @Override
    public Optional<Policy> get(String name) {
        return Optional.ofNullable(policies.get(name));
    }

    @Override
    public List<Policy> list() {
        return List.copyOf(policies.values());
    }

    @Override
    public Decision evaluate(FlowContext context) {
        throw new UnsupportedOperationException("the demo does not evaluate");
    }

    @Override
    public Decision evaluateDryRun(FlowContext context) {
        throw new UnsupportedOperationException("the demo does not evaluate");
    }

    @Override
    public CacheStatistics cacheStatistics() {
        throw new UnsupportedOperationException("the demo does not read the cache");
    }

    @Override
    public void addListener(PolicyListener listener) {
        throw new UnsupportedOperationException("the demo does not listen");
    }

    @Override
    public void removeListener(PolicyListener listener) {
        throw new UnsupportedOperationException("the demo does not listen");
    }
}
