package org.fcredirect.fastpath.api;

/** What the fast path does with a frame that matches a rule. */
public enum RuleAction {
    /** Replace S_ID and D_ID by the rule's new addresses and forward: a redirect leg. */
    REWRITE(0),
    /** Forward unchanged: the direct path. */
    PERMIT(1),
    /** Discard the frame. */
    DROP(2);

    private final byte code;

    RuleAction(int code) {
        this.code = (byte) code;
    }

    /** A one-byte code for fixed-layout tables, fixed per action; {@link #ofCode} is its inverse. */
    public byte code() {
        return code;
    }

    /** @throws IllegalArgumentException for a code no action has */
    public static RuleAction ofCode(int code) {
        for (RuleAction a : values()) {
            if (a.code == code) {
                return a;
            }
        }
        throw new IllegalArgumentException("rule action code " + code + " is not one of 0 (rewrite), 1 (permit), 2 (drop)");
    }
}
