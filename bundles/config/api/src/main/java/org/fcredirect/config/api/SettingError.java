package org.fcredirect.config.api;

import java.util.Objects;

/**
 * A setting refused, and why.
 *
 * @param key empty when the error is about the whole service
 * @param value the value given, as text; empty for a reset to the default
 * @param problem what is wrong, e.g. {@code must be at least 0}
 */
public record SettingError(String pid, String key, String value, SettingRule rule, String problem) {

    public SettingError {
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(problem, "problem");
    }

    /**
     * e.g. {@code org.fcredirect.policy decisionCacheSize '-1': min: must be at least 0}, or for a
     * whole service {@code org.fcredirect.nope: unknown-pid: ...}.
     */
    public String message() {
        return pid + (key.isEmpty() ? "" : " " + key + " '" + value + "'") + ": " + rule + ": " + problem;
    }
}
