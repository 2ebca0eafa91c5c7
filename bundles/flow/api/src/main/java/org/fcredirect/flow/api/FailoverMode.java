package org.fcredirect.flow.api;

import java.util.Locale;

/** What happens to a redirected flow when its appliance becomes unhealthy. */
public enum FailoverMode {
    /** Move to another healthy appliance of the same group (blocked while there is none). */
    STANDBY,
    /** Forward on the direct path, bypassing the appliance, until it recovers. */
    BYPASS,
    /** Drop the flow's frames until the appliance recovers: clear text must never reach the target. */
    BLOCK;

    /** Parses {@code standby}, {@code bypass} or {@code block} in any case. */
    public static FailoverMode parse(String text) {
        return Names.parse(FailoverMode.class, "failover", text);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
