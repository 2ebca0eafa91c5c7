package org.fcredirect.fastpath.impl;

import java.time.Duration;

import org.fcredirect.flow.testkit.Await;
import org.fcredirect.fastpath.api.DefaultDecision;
import org.fcredirect.fastpath.api.FastPathSettings;

/** Settings and waits shared by the tests that run whole fast paths. */
final class Fixtures {
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Fixtures() {
    }

    static FastPathSettings settings(int workers) {
        return new FastPathSettings(workers, 16, 64, 16, 20, DefaultDecision.FORWARD, 4096);
    }

    /** Drains until nothing is pending. */
    static Recorder drainAll(FastPathManager m) {
        Recorder r = new Recorder();
        Await.until("every counter was drained", TIMEOUT, () -> {
            m.drain(r, 10_000);
            return m.backlog().empty();
        }, () -> m.backlog().toString());
        return r;
    }
}
