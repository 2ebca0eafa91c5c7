package org.fcredirect.config.api;

import java.util.Objects;

/**
 * A fault in a configuration descriptor.
 *
 * @param line 1-based line number in the file
 * @param field what the line is about: {@code header}, {@code features/NAME}, {@code PID} or {@code PID/KEY}
 */
public record ImportError(int line, String field, String problem) {

    public ImportError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(problem, "problem");
    }

    /** e.g. {@code line 12, org.fcredirect.policy/decisionCacheSize: '-1': min: must be at least 0}. */
    public String message() {
        return "line " + line + ", " + field + ": " + problem;
    }
}
