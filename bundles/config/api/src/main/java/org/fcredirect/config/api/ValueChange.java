package org.fcredirect.config.api;

import java.util.Objects;
import java.util.Optional;

/**
 * One setting's change, staged or committed.
 *
 * @param before the configured value before; empty while the default applied
 * @param after the configured value after; empty when it goes back to the default
 */
public record ValueChange(String pid, String key, Optional<String> before, Optional<String> after) {

    public ValueChange {
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
