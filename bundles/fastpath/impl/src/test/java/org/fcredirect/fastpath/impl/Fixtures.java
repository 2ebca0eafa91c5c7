package org.fcredirect.fastpath.impl;

import java.time.Duration;

import org.fcredirect.flow.testkit.Await;
import org.fcredirect.fastpath.api.DefaultDecision;
import org.fcredirect.fastpath.api.FastPathSettings;

/** Settings and waits shared by the tests that run whole fast paths. */
public final class Fixtures {
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Fixtures() {
    }

    public static FastPathSettings settings(int workers) {
        return new FastPathSettings(workers, 16, 64, 16, 20, DefaultDecision.FORWARD, 4096);
    }

    /** A running fast path of {@code workers} workers, without a container. */
    public static FastPathManager start(FastPathSettings settings) {
        return new FastPathManager(settings);
    }

    /** Stops a fast path {@link #start started} here. */
    public static void stop(FastPathManager m) {
        m.deactivate();
    }

    /** Drains until nothing is pending. */
    public static Recorder drainAll(FastPathManager m) {
        Recorder r = new Recorder();
        Await.until("every counter was drained", TIMEOUT, () -> {
            m.drain(r, 10_000);
            return m.backlog().empty();
        }, () -> m.backlog().toString());
        return r;
    }
}
