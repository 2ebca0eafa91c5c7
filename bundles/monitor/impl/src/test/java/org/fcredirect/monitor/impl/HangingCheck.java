package org.fcredirect.monitor.impl;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.fcredirect.monitor.api.HealthCheck;
import org.fcredirect.monitor.api.HealthResult;

/**
 * A check that hangs until released. A stubborn one swallows interrupts and goes on waiting, as a
 * check stuck in an uninterruptible call would.
 */
final class HangingCheck implements HealthCheck {
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger interrupts = new AtomicInteger();
    private final boolean stubborn;
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean inside;

    HangingCheck(boolean stubborn) {
        this.stubborn = stubborn;
    }

    boolean inside() {
        return inside;
    }

    void release() {
        release.countDown();
    }

    @Override
    public HealthResult check() throws InterruptedException {
        calls.incrementAndGet();
        inside = true;
        try {
            while (true) {
                try {
                    release.await();
                    return HealthResult.healthy("released");
                } catch (InterruptedException e) {
                    interrupts.incrementAndGet();
                    if (!stubborn) {
                        throw e;
                    }
                }
            }
        } finally {
            inside = false;
        }
    }
}
