package org.fcredirect.flow.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A change of one flow, told to {@link FlowListener}s after it is durable.
 *
 * @param flow the flow after the change; for {@link Type#DELETED}, as it was last
 * @param previousState the state before the change; empty for {@link Type#CREATED}
 * @param previousAppliance the appliance its frames passed through before the change; empty for
 *        none (and for {@link Type#CREATED})
 */
public record FlowEvent(Type type, Flow flow, Optional<FlowState> previousState, Optional<String> previousAppliance) {

    public enum Type {
        CREATED,
        /** Its state, decision, appliance or resolved FCIDs changed. */
        UPDATED,
        DELETED
    }

    public FlowEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(previousState, "previousState");
        Objects.requireNonNull(previousAppliance, "previousAppliance");
    }

    /** A change that left the flow on the appliance it had (or a creation, with none before). */
    public FlowEvent(Type type, Flow flow, Optional<FlowState> previousState) {
        this(type, flow, previousState, type == Type.CREATED ? Optional.empty() : flow.appliance());
    }

    /**
     * {@code true} when an update sends the flow's frames another way: another state (failover to
     * bypass or block, failback, a login or logout) or another appliance (failover to a standby).
     */
    public boolean moved() {
        return type == Type.UPDATED
                && (previousState.filter(s -> s != flow.state()).isPresent() || !previousAppliance.equals(flow.appliance()));
    }
}
