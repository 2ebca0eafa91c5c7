package org.fcredirect.fastpath.api;

import java.util.Locale;

/** Why the fast path discarded a frame. Every drop is counted under one reason. */
public enum DropReason {
    MALFORMED_SHORT(true, "shorter than the 24-byte header"),
    MALFORMED_LONG(true, "longer than the largest FC frame (2136 bytes)"),
    MALFORMED_OPTIONAL_HEADERS(true, "optional headers announced by DF_CTL run past the frame"),
    MALFORMED_FILL_BYTES(true, "more fill bytes than payload"),
    MALFORMED_FCP_CMND(true, "FCP_CMND shorter than its IU (32 bytes plus the additional CDB)"),
    /** The flow's rule says drop (a dropped or blocked flow). */
    RULE_DROP(false, "the flow's rule drops it"),
    /** No rule matched and the default decision is drop. */
    DEFAULT_DROP(false, "no rule matched and the default decision is drop"),
    /**
     * Several flows hold rules for the frame's VSAN, S_ID and D_ID that rewrite it differently, so
     * the frame cannot be told apart; dropped rather than delivered to the wrong port.
     */
    AMBIGUOUS_RULE(false, "flows with conflicting rules share its addresses"),
    /** The fast path failed on the frame (a bug); counted, the worker goes on. */
    INTERNAL_ERROR(false, "the fast path failed on it");

    private final boolean malformed;
    private final String description;

    DropReason(boolean malformed, String description) {
        this.malformed = malformed;
        this.description = description;
    }

    /** The frame itself was bad, as opposed to a decision about a good one. */
    public boolean malformed() {
        return malformed;
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
