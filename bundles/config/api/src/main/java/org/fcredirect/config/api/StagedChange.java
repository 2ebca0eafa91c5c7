package org.fcredirect.config.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A change waiting in a session.
 *
 * @param value the new value as text, already checked; empty: back to the default
 */
public record StagedChange(String pid, String key, Optional<String> value) {

    public StagedChange {
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
