package org.fcredirect.monitor.api;

import java.util.Locale;

/** What a monitored target is. */
public enum TargetKind {
    /** A {@link HealthCheck} service: health from the runs of the check. */
    CHECK,
    /** An appliance of the inventory: health from its heartbeats. */
    APPLIANCE;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
