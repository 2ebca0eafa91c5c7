package org.fcredirect.audit.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One audited action.
 *
 * @param time when it ended
 * @param user the authenticated user name
 * @param origin the kind of access it came through
 * @param action what was done: a command line's command, or an MBean operation or attribute
 * @param arguments its arguments as text, secrets masked
 * @param outcome how it ended
 */
public record AuditEntry(Instant time, String user, AuditOrigin origin, String action, List<String> arguments,
                         AuditOutcome outcome) {
    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        arguments = List.copyOf(arguments);
    }
}
