package org.fcredirect.monitor.api;

import java.util.Locale;

/** The health of a monitored target. */
public enum HealthStatus {
    /** Not decided yet: no check has finished, or fewer failures than the threshold since the start. */
    UNKNOWN,
    HEALTHY,
    /** Failed as many consecutive times as its threshold (a check) or missed that many heartbeats (an appliance). */
    UNHEALTHY;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
