package org.fcredirect.policy.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A policy added, updated or removed.
 *
 * @param before the policy before the change; empty for {@link Type#ADDED}
 * @param after the policy after the change; empty for {@link Type#REMOVED}
 */
public record PolicyEvent(Type type, Optional<Policy> before, Optional<Policy> after) {

    public enum Type {
        ADDED, UPDATED, REMOVED
    }

    public PolicyEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /**
     * {@code true} when the change can alter the decision for {@code context}: the policy matched
     * it before or matches it after. Decisions of other contexts are untouched by the change.
     */
    public boolean affects(FlowContext context) {
        return before.filter(p -> p.match().matches(context)).isPresent()
                || after.filter(p -> p.match().matches(context)).isPresent();
    }

    /** The name of the policy changed. */
    public String name() {
        return after.or(() -> before).map(Policy::name).orElseThrow();
    }
}
