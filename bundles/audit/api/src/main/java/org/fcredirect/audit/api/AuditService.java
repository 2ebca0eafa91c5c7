package org.fcredirect.audit.api;

import java.util.List;
import java.util.Optional;

/** Records operator actions and answers for the most recent ones. */
public interface AuditService {

    /** Records one action: kept among the recent ones and written to the audit log. */
    void record(AuditEntry entry);

    /**
     * The most recent actions, oldest first.
     *
     * @param limit at most this many (at least 1)
     * @param user only this user's actions, or every user's when empty
     */
    List<AuditEntry> recent(int limit, Optional<String> user);
}
