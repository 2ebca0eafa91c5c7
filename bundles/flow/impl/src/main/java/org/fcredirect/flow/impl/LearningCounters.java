package org.fcredirect.flow.impl;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

import org.fcredirect.flow.api.LoginIgnoreReason;

/** The login learner's counters: written by its thread, read by status at any time. */
final class LearningCounters {
    static final int FRAMES = 0;
    static final int LEARNED = 1;
    static final int CONFIRMED = 2;
    static final int LOGOUTS = 3;
    static final int REJECTED = 4;
    static final int EXPIRED = 5;
    private static final int IGNORED = 6;
    private static final LoginIgnoreReason[] REASONS = LoginIgnoreReason.values();

    private final AtomicLongArray counts = new AtomicLongArray(IGNORED + REASONS.length);

    void add(int counter, long n) {
        counts.getAndAdd(counter, n);
    }

    void ignored(LoginIgnoreReason reason) {
        ignored(reason, 1);
    }

    void ignored(LoginIgnoreReason reason, long n) {
        counts.getAndAdd(IGNORED + reason.ordinal(), n);
    }

    long get(int counter) {
        return counts.get(counter);
    }

    Map<LoginIgnoreReason, Long> ignoredByReason() {
        Map<LoginIgnoreReason, Long> m = new EnumMap<>(LoginIgnoreReason.class);
        for (LoginIgnoreReason r : REASONS) {
            m.put(r, counts.get(IGNORED + r.ordinal()));
        }
        return m;
    }
}
