package org.fcredirect.config.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A committed configuration version: an event on the {@code config} stream of the event log.
 *
 * @param number 1, 2, ... in commit order
 * @param comment the committer's words, or what the rollback or import was
 * @param changes every setting it changed, in the order given
 * @param applied {@code false} when applying it to ConfigAdmin failed and what had been applied
 *        was restored: the version then changed nothing
 */
public record ConfigVersion(long number, Instant committed, String owner, String comment, VersionOrigin origin,
        List<ValueChange> changes, boolean applied) {

    public ConfigVersion {
        Objects.requireNonNull(committed, "committed");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(origin, "origin");
        changes = List.copyOf(changes);
    }
}
