package org.fcredirect.config.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The open configuration session: who began it, when, and the changes staged so far, in staging order. */
public record ConfigSession(String owner, Instant started, List<StagedChange> changes) {

    public ConfigSession {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(started, "started");
        changes = List.copyOf(changes);
    }
}
