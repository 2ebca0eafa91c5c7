package org.fcredirect.traffic.api;

import java.util.Locale;

/** Where a traffic generator run is. */
public enum TrafficState {
    /** No run yet. */
    IDLE,
    /** Logging ports in, creating appliances and flows, waiting for their rules to reach the workers. */
    SETTING_UP,
    /** Starting exchanges. */
    RUNNING,
    /** A limit was reached or a stop was asked: no new exchanges, waiting for the open ones. */
    DRAINING,
    /** Removing the run's flows, logins and appliances ({@link TrafficSpec#cleanup()}). */
    CLEANING_UP,
    /** Ended by reaching its limit. */
    FINISHED,
    /** Ended by a stop. */
    STOPPED,
    /** Ended by an error; see {@link TrafficStatus#failure()}. */
    FAILED;

    /** Still running (not yet ended). */
    public boolean active() {
        return this == SETTING_UP || this == RUNNING || this == DRAINING || this == CLEANING_UP;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
