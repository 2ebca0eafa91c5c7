package org.fcredirect.audit.api;

/** How an audited action ended. */
public enum AuditOutcome {
    /** it ran and returned */
    OK,
    /** access control refused it */
    DENIED,
    /** it ran and failed */
    FAILED
}
