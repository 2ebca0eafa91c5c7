package org.fcredirect.flow.api;

import java.util.Locale;

/** Why the login learner ignored a punted frame. Every ignored frame counts under one reason. */
public enum LoginIgnoreReason {
    MALFORMED("not a well-formed FLOGI, FDISC, PLOGI, LOGO, LS_ACC or LS_RJT, or addresses that contradict it"),
    REPLY_NOT_FROM_FABRIC("a reply to a FLOGI or FDISC that does not come from the fabric controller (FFFFFE)"),
    REPLY_WITHOUT_REQUEST("an accept or reject that answers no pending request of its exchange"),
    LOGOUT_UNKNOWN_PORT("a LOGO for a port not logged in at that address"),
    FCID_TAKEN("an address held by another pWWN, or by an appliance's virtual port"),
    VIRTUAL_PORT_MISMATCH("an appliance's virtual port logging in at an address that is not its own"),
    NOT_STORED("the event log did not store the learned change");

    private final String description;

    LoginIgnoreReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
