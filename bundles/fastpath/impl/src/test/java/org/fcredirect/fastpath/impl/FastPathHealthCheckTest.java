package org.fcredirect.fastpath.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.fcredirect.flow.testkit.Await;
import org.fcredirect.monitor.api.HealthResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code fastpath} check: a worker whose thread ended, or whose loop stands still while input
 * waits, makes it unhealthy. A stuck loop cannot be produced on demand in a real worker, so those
 * cases use probes with scripted counters; a dead worker and a healthy pipeline are real.
 */
class FastPathHealthCheckTest {
    private final AtomicLong nanos = new AtomicLong();
    private final WorkerHealth health = new WorkerHealth(nanos::get);
    private final Object pipeline = new Object();
    private FastPathManager manager;

    @AfterEach
    void stop() {
        if (manager != null) {
            manager.deactivate();
        }
    }

    /** A worker as the check sees it, every figure set by the test. */
    static final class ScriptedWorker implements WorkerHealth.Probe {
        final int index;
        boolean started = true;
        boolean alive = true;
        long loops;
        long frames;
        int ring;
        int control;

        ScriptedWorker(int index) {
            this.index = index;
        }

        @Override
        public int index() {
            return index;
        }

        @Override
        public String threadName() {
            return "fastpath-worker-" + index;
        }

        @Override
        public boolean started() {
            return started;
        }

        @Override
        public boolean alive() {
            return alive;
        }

        @Override
        public long loops() {
            return loops;
        }

        @Override
        public long frames() {
            return frames;
        }

        @Override
        public int ringDepth() {
            return ring;
        }

        @Override
        public int ringCapacity() {
            return 16;
        }

        @Override
        public int controlDepth() {
            return control;
        }

        @Override
        public long faults() {
            return 0;
        }
    }

    private void advanceSeconds(long s) {
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(s));
    }

    @Test
    void aLoopThatStandsStillWithBatchesWaitingIsStuck() {
        ScriptedWorker w0 = new ScriptedWorker(0);
        ScriptedWorker w1 = new ScriptedWorker(1);
        List<ScriptedWorker> workers = List.of(w0, w1);
        assertTrue(health.check(pipeline, false, workers).healthy());

        w0.loops = 1_000;
        w1.ring = 3;  // input waits, and its loop does not move
        advanceSeconds(5);
        HealthResult r = health.check(pipeline, false, workers);
        assertFalse(r.healthy(), r.toString());
        assertTrue(r.message().contains("stuck") && r.message().contains("1 (5000 ms, 3 batches"), r.message());
        assertTrue(r.details().get("worker.1").startsWith("STUCK"), r.details().toString());
        assertTrue(r.details().get("worker.1").contains("ring 3/16") && r.details().get("worker.1").contains("5000 ms ago"),
                r.details().toString());
        assertTrue(r.details().get("worker.0").startsWith("alive"), r.details().toString());

        w1.loops = 1;  // it moves again
        advanceSeconds(5);
        assertTrue(health.check(pipeline, false, workers).healthy());
    }

    @Test
    void rulesWaitingForAStillLoopAreInputToo() {
        ScriptedWorker w = new ScriptedWorker(0);
        health.check(pipeline, false, List.of(w));
        w.control = 2;
        advanceSeconds(2);
        HealthResult r = health.check(pipeline, false, List.of(w));
        assertFalse(r.healthy(), r.toString());
        assertTrue(r.message().contains("2 rule updates waiting"), r.message());
    }

    /** With nothing to do, a still counter means a descheduled thread, not a blocked loop: input decides. */
    @Test
    void aStillLoopWithoutInputIsNotStuck() {
        ScriptedWorker w = new ScriptedWorker(0);
        health.check(pipeline, false, List.of(w));
        advanceSeconds(60);
        assertTrue(health.check(pipeline, false, List.of(w)).healthy());
    }

    @Test
    void aStallShorterThanTheBoundIsNotStuck() {
        ScriptedWorker w = new ScriptedWorker(0);
        health.check(pipeline, false, List.of(w));
        w.ring = 1;
        nanos.addAndGet(WorkerHealth.STALL_NANOS - 1);
        assertTrue(health.check(pipeline, false, List.of(w)).healthy());
        nanos.addAndGet(1);
        assertFalse(health.check(pipeline, false, List.of(w)).healthy());
    }

    @Test
    void aReplacedPipelineIsNotComparedWithTheOldOne() {
        ScriptedWorker old = new ScriptedWorker(0);
        old.loops = 500;
        health.check(pipeline, false, List.of(old));
        ScriptedWorker fresh = new ScriptedWorker(0);
        fresh.loops = 500;  // the same count by chance, in another pipeline
        fresh.ring = 1;
        advanceSeconds(5);
        assertTrue(health.check(new Object(), false, List.of(fresh)).healthy(), "first sight of the new pipeline");
    }

    @Test
    void workersEndingWithAStoppingPipelineOrNotStartedYetAreNotDead() {
        ScriptedWorker w = new ScriptedWorker(0);
        w.alive = false;
        HealthResult stopping = health.check(pipeline, true, List.of(w));
        assertTrue(stopping.healthy(), stopping.toString());
        assertTrue(stopping.message().contains("stopping"), stopping.message());

        ScriptedWorker starting = new ScriptedWorker(0);
        starting.started = false;
        starting.alive = false;
        HealthResult r = health.check(new Object(), false, List.of(starting));
        assertTrue(r.healthy(), r.toString());
        assertTrue(r.message().contains("starting"), r.message());
    }

    @Test
    void aRunningFastPathIsHealthyWithFiguresPerWorker() {
        manager = new FastPathManager(Fixtures.settings(2));
        try (TestSource source = new TestSource(manager)) {
            source.send(10, TestFrames.els(0x010001, 0x020001, 1));
        }
        HealthResult first = manager.check();
        assertTrue(first.healthy(), first.toString());
        Await.until("both loops advanced between two runs", Fixtures.TIMEOUT, () -> {
            HealthResult r = manager.check();
            return r.healthy() && r.message().equals("2 workers advancing, 1 frames");
        });
        HealthResult r = manager.check();
        assertEquals("2", r.details().get("workers"));
        assertEquals("1", r.details().get("frames"));
        assertTrue(r.details().get("worker.0").startsWith("alive, frames "), r.details().toString());
        assertTrue(r.details().get("worker.1").contains("faults 0"), r.details().toString());
        assertEquals("0/0", r.details().get("ring"), "no source attached any more");
    }

    @Test
    void aWorkerWhoseThreadEndedMakesItUnhealthy() throws InterruptedException {
        manager = new FastPathManager(Fixtures.settings(2));
        assertTrue(manager.check().healthy());
        Worker w = manager.pipeline().workers[1];
        assertTrue(w.stop(5_000), "the worker thread ended");  // as if it had died: the pipeline still counts on it

        HealthResult r = manager.check();
        assertFalse(r.healthy(), r.toString());
        assertTrue(r.message().startsWith("worker thread ended: 1 (fastpath-worker-1)"), r.message());
        assertTrue(r.details().get("worker.1").startsWith("DEAD"), r.details().toString());
        assertTrue(r.details().get("worker.0").startsWith("alive"), r.details().toString());
    }
}
