package org.fcredirect.monitor.impl;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import org.fcredirect.monitor.api.HealthCheck;
import org.fcredirect.monitor.api.HealthResult;

/** A check that answers what the test says, and counts its runs. */
final class ScriptedCheck implements HealthCheck {
    final AtomicInteger runs = new AtomicInteger();
    private volatile Callable<HealthResult> answer = () -> HealthResult.healthy("fine");

    void answer(Callable<HealthResult> next) {
        answer = next;
    }

    void fail(String message) {
        answer(() -> HealthResult.unhealthy(message));
    }

    void succeed() {
        answer(() -> HealthResult.healthy("fine"));
    }

    @Override
    public HealthResult check() throws Exception {
        runs.incrementAndGet();
        return answer.call();
    }
}
