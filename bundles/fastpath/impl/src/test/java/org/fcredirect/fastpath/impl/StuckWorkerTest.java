package org.fcredirect.fastpath.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.fcredirect.flow.testkit.Await;
import org.fcredirect.monitor.api.HealthResult;
import org.jctools.queues.SpscArrayQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StuckWorkerTest {
    private FastPathManager manager;

    @AfterEach
    void stop() {
        if (manager != null) {
            manager.deactivate();
        }
    }

    /** A ring whose poll holds the worker inside its round until released, as a bug could. */
    private static final class HoldingRing extends SpscArrayQueue<LaneBatch> {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        HoldingRing() {
            super(2);
        }

        @Override
        public LaneBatch relaxedPoll() {
            entered.countDown();
            boolean done = false;
            while (!done) {
                try {
                    release.await();
                    done = true;
                } catch (InterruptedException e) {
                    // held like a worker that ignores everything
                }
            }
            return null;
        }
    }

    @Test
    void aWorkerThatDoesNotStopKeepsTheOldPipelineUntilItEnds() throws Exception {
        manager = new FastPathManager(Fixtures.settings(2));
        manager.stopMillis = 100;
        Pipeline old = manager.pipeline();
        HoldingRing ring = new HoldingRing();
        Worker held = old.workers[1];
        held.lanes(new Lane[] {new Lane("held", 1, ring, new SpscArrayQueue<>(2))});
        ring.entered.await();

        manager.reconfigure(Fixtures.settings(3));

        assertSame(old, manager.pipeline(), "no new pipeline while worker 1 may still run");
        assertEquals(List.of(1), old.running());
        HealthResult h = manager.check();
        assertFalse(h.healthy());
        assertTrue(h.message().contains("worker(s) [1] did not stop"), h.message());

        ring.release.countDown();
        Await.until("the rebuild retried after the stuck worker ended", Duration.ofSeconds(10),
                () -> manager.pipeline() != old);
        assertEquals(3, manager.pipeline().workers.length);
        Await.until("the fast path is healthy again", Duration.ofSeconds(10), () -> manager.check().healthy(),
                () -> manager.check().message());
    }
}
