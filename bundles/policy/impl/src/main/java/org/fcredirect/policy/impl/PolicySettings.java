package org.fcredirect.policy.impl;

import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.flow.api.ValidationException;

/** The policy engine's settings, validated. */
record PolicySettings(int decisionCacheSize, int snapshotEvery, FlowAction defaultAction, int appendTimeoutSeconds) {
    static final int DEFAULT_CACHE_SIZE = 10_000;
    static final int DEFAULT_SNAPSHOT_EVERY = 1_000;
    static final int DEFAULT_APPEND_TIMEOUT_SECONDS = 30;
    static final PolicySettings DEFAULTS = new PolicySettings(DEFAULT_CACHE_SIZE, DEFAULT_SNAPSHOT_EVERY,
            FlowAction.PERMIT, DEFAULT_APPEND_TIMEOUT_SECONDS);

    PolicySettings {
        if (decisionCacheSize < 0 || decisionCacheSize > 10_000_000) {
            throw new ValidationException("decisionCacheSize", decisionCacheSize, "must be 0..10000000");
        }
        if (snapshotEvery < 0) {
            throw new ValidationException("snapshotEvery", snapshotEvery, "must be 0 (never) or more");
        }
        if (defaultAction == null || defaultAction == FlowAction.REDIRECT) {
            throw new ValidationException("defaultAction", defaultAction, "must be permit or drop");
        }
        if (appendTimeoutSeconds < 1 || appendTimeoutSeconds > 3600) {
            throw new ValidationException("appendTimeoutSeconds", appendTimeoutSeconds, "must be 1..3600");
        }
    }

    /** @throws ValidationException naming the key at fault */
    static PolicySettings from(PolicyConfig c) {
        FlowAction action;
        try {
            action = FlowAction.parse(c.defaultAction());
        } catch (ValidationException e) {
            throw new ValidationException("defaultAction", c.defaultAction(), "must be permit or drop");
        }
        return new PolicySettings(c.decisionCacheSize(), c.snapshotEvery(), action, c.appendTimeoutSeconds());
    }
}
