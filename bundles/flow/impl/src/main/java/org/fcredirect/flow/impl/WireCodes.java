package org.fcredirect.flow.impl;

import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.FlowAction;

/**
 * The byte codes of enums in stored events and snapshots, fixed here rather than taken from
 * ordinals, so reordering an API enum cannot change what stored bytes mean.
 */
final class WireCodes {
    private static final FlowAction[] ACTIONS = {FlowAction.REDIRECT, FlowAction.PERMIT, FlowAction.DROP};
    private static final FailoverMode[] FAILOVERS = {FailoverMode.STANDBY, FailoverMode.BYPASS, FailoverMode.BLOCK};

    /** Code of an absent failover mode. */
    static final byte NO_FAILOVER = -1;

    private WireCodes() {
    }

    static byte code(FlowAction a) {
        return indexOf(ACTIONS, a);
    }

    static byte code(FailoverMode m) {
        return m == null ? NO_FAILOVER : indexOf(FAILOVERS, m);
    }

    static FlowAction action(byte code) {
        if (code < 0 || code >= ACTIONS.length) {
            throw new IllegalArgumentException("action code " + code + " is not 0..2");
        }
        return ACTIONS[code];
    }

    /** @return null for {@link #NO_FAILOVER} */
    static FailoverMode failover(byte code) {
        if (code == NO_FAILOVER) {
            return null;
        }
        if (code < 0 || code >= FAILOVERS.length) {
            throw new IllegalArgumentException("failover code " + code + " is not 0..2");
        }
        return FAILOVERS[code];
    }

    private static <T> byte indexOf(T[] values, T value) {
        for (byte i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException(value + " has no wire code");
    }
}
