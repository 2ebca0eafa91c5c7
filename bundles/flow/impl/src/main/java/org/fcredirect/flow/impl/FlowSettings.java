package org.fcredirect.flow.impl;

import java.util.function.Function;

import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.flow.api.ValidationException;

/**
 * The flow manager's settings, validated.
 *
 * @param snapshotEvery events between snapshots, 0 for none
 * @param defaultAction permit or drop, while no policy engine is present
 * @param learnLogins whether the login table learns from punted fabric logins
 */
record FlowSettings(int snapshotEvery, boolean failback, FailoverMode defaultFailover, FlowAction defaultAction,
        int appendTimeoutSeconds, boolean learnLogins) {
    static final int DEFAULT_SNAPSHOT_EVERY = 10_000;
    static final int DEFAULT_APPEND_TIMEOUT_SECONDS = 30;
    static final FlowSettings DEFAULTS = new FlowSettings(DEFAULT_SNAPSHOT_EVERY, true, FailoverMode.STANDBY,
            FlowAction.PERMIT, DEFAULT_APPEND_TIMEOUT_SECONDS, true);

    FlowSettings {
        if (snapshotEvery < 0) {
            throw new ValidationException("snapshotEvery", snapshotEvery, "must be 0 (never) or more");
        }
        if (defaultAction == FlowAction.REDIRECT) {
            throw new ValidationException("defaultAction", defaultAction, "must be permit or drop");
        }
        if (appendTimeoutSeconds < 1 || appendTimeoutSeconds > 3600) {
            throw new ValidationException("appendTimeoutSeconds", appendTimeoutSeconds, "must be 1..3600");
        }
    }

    /** @throws ValidationException naming the key at fault */
    static FlowSettings from(FlowConfig c) {
        return new FlowSettings(c.snapshotEvery(), c.failback(), parse("defaultFailover", c.defaultFailover(),
                FailoverMode::parse), parse("defaultAction", c.defaultAction(), FlowAction::parse), c.appendTimeoutSeconds(),
                c.learnLogins());
    }

    private static <T> T parse(String key, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (ValidationException e) {
            throw new ValidationException(key, value, e.getMessage());
        }
    }
}
