package org.fcredirect.flow.api;

import java.util.Locale;

/** What was decided for a flow, by an explicit appliance, a policy or the default. */
public enum FlowAction {
    /** Through an appliance. */
    REDIRECT,
    /** On the direct path. */
    PERMIT,
    /** Nowhere: frames are dropped. */
    DROP;

    /** Parses {@code redirect}, {@code permit} or {@code drop} in any case. */
    public static FlowAction parse(String text) {
        return Names.parse(FlowAction.class, "action", text);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
