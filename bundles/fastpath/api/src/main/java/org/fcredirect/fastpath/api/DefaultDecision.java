package org.fcredirect.fastpath.api;

import java.util.Locale;

/** What the fast path does with a frame that matches no rule. */
public enum DefaultDecision {
    /** Forward it unchanged, on the direct path. */
    FORWARD,
    /** Discard it, counted as {@link DropReason#DEFAULT_DROP}. */
    DROP;

    /** Parses {@code forward} or {@code drop} in any case. */
    public static DefaultDecision parse(String text) {
        String s = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (DefaultDecision d : values()) {
            if (d.name().equals(s)) {
                return d;
            }
        }
        throw new IllegalArgumentException("default decision '" + text + "' must be forward or drop");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
