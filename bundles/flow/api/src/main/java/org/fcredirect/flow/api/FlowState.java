package org.fcredirect.flow.api;

import java.util.Locale;

/** Where a flow's frames go now. */
public enum FlowState {
    /** An end (initiator or target) is not logged in: no FCIDs, no rules. */
    PENDING,
    /** Redirected through its appliance: four rewrite rules. */
    ACTIVE,
    /** The decision is permit: forwarded unchanged. */
    DIRECT,
    /** The decision is drop: frames are discarded. */
    DROPPED,
    /** Its appliance failed and its failover mode is bypass: forwarded unchanged until it recovers. */
    BYPASSED,
    /**
     * Its appliance failed and its failover mode is block, or standby found no healthy appliance in
     * the group: frames are discarded, so nothing meant for the appliance reaches the target.
     */
    BLOCKED;

    /** Parses a state name in any case, e.g. {@code active}. */
    public static FlowState parse(String text) {
        return Names.parse(FlowState.class, "state", text);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
