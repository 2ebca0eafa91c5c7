package org.fcredirect.policy.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.fcredirect.policy.api.FlowContext;
import org.fcredirect.policy.api.Policy;

/** The policies as an immutable array in evaluation order (priority, then name). */
final class PolicySet {
    static final PolicySet EMPTY = new PolicySet(new Policy[0]);
    private static final Comparator<Policy> ORDER = Comparator.comparingInt(Policy::priority).thenComparing(Policy::name);

    private final Policy[] ordered;

    private PolicySet(Policy[] ordered) {
        this.ordered = ordered;
    }

    static PolicySet of(List<Policy> policies) {
        Policy[] a = policies.toArray(new Policy[0]);
        Arrays.sort(a, ORDER);
        return new PolicySet(a);
    }

    /** The first policy that matches, or null. */
    Policy firstMatch(FlowContext context) {
        for (Policy p : ordered) {
            if (p.match().matches(context)) {
                return p;
            }
        }
        return null;
    }

    Optional<Policy> get(String name) {
        for (Policy p : ordered) {
            if (p.name().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** A policy of another name at the same priority that matches a flow {@code p} matches. */
    Optional<Policy> conflictWith(Policy p) {
        for (Policy other : ordered) {
            if (p.conflictsWith(other)) {
                return Optional.of(other);
            }
        }
        return Optional.empty();
    }

    /** With {@code p} added, or replacing the policy of its name. */
    PolicySet with(Policy p) {
        List<Policy> next = new ArrayList<>(list());
        next.removeIf(q -> q.name().equals(p.name()));
        next.add(p);
        return of(next);
    }

    PolicySet without(String name) {
        List<Policy> next = new ArrayList<>(list());
        next.removeIf(q -> q.name().equals(name));
        return of(next);
    }

    List<Policy> list() {
        return List.of(ordered);
    }

    int size() {
        return ordered.length;
    }
}
