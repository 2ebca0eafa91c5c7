package org.fcredirect.flow.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A change of one flow, told to {@link FlowListener}s after it is durable.
 *
 * @param flow the flow after the change; for {@link Type#DELETED}, as it was last
 * @param previousState the state before the change; empty for {@link Type#CREATED}
 */
public record FlowEvent(Type type, Flow flow, Optional<FlowState> previousState) {

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
    }
}
