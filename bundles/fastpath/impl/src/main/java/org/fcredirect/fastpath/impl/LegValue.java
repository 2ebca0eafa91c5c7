package org.fcredirect.fastpath.impl;

import org.fcredirect.fastpath.api.RuleAction;

/**
 * The compiled decision of one flow-table entry, packed into a {@code long}: the new S_ID and D_ID
 * (24 bits each), the action (2 bits) and flags. Holders of a key compare the {@link #BASE} part.
 */
final class LegValue {
    static final int REWRITE = RuleAction.REWRITE.code();
    static final int PERMIT = RuleAction.PERMIT.code();
    static final int DROP = RuleAction.DROP.code();

    private static final int DID_SHIFT = 24;
    private static final int ACTION_SHIFT = 48;

    /** The leg leaves an appliance (the rule restores S_ID): its exchanges are counted on the host side. */
    static final long EGRESS = 1L << 50;
    /** Rules narrowed to a LUN exist for this key; the frame's LUN picks one. */
    static final long NARROWED = 1L << 51;
    /** No rule for every LUN holds this key: only narrowed ones do. */
    static final long PLACEHOLDER = 1L << 52;
    /** Flows whose rules disagree hold this key: its frames cannot be attributed. */
    static final long CONFLICT = 1L << 53;
    /** A placeholder whose narrowed rules all agree: frames of unknown LUN follow them. */
    static final long FALLBACK = 1L << 54;

    static final long SPECIAL = NARROWED | PLACEHOLDER | CONFLICT;
    static final long BASE = (1L << 50) - 1 | EGRESS;

    private LegValue() {
    }

    /** The value of a rule; REWRITE rules that change S_ID are appliance egress legs. */
    static long of(int matchSid, int newSid, int newDid, int action) {
        long v = newSid | (long) newDid << DID_SHIFT | (long) action << ACTION_SHIFT;
        return action == REWRITE && newSid != matchSid ? v | EGRESS : v;
    }

    static int newSid(long v) {
        return (int) v & 0xFFFFFF;
    }

    static int newDid(long v) {
        return (int) (v >>> DID_SHIFT) & 0xFFFFFF;
    }

    static int action(long v) {
        return (int) (v >>> ACTION_SHIFT) & 3;
    }
}
