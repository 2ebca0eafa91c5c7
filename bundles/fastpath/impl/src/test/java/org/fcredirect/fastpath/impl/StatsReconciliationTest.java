package org.fcredirect.fastpath.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fcredirect.flow.testkit.Await;
import org.fcredirect.fastpath.api.DefaultDecision;
import org.fcredirect.fastpath.api.ExchangeCompletion;
import org.fcredirect.fastpath.api.FastPathSettings;
import org.fcredirect.fastpath.api.FlowDelta;
import org.fcredirect.fastpath.api.RewriteRule;
import org.fcredirect.fastpath.api.RuleBatch;
import org.fcredirect.fastpath.api.StatsBacklog;
import org.fcredirect.fastpath.api.StatsConsumer;
import org.fcredirect.fastpath.api.StatsSource;
import org.fcredirect.fastpath.api.WorkerStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Counters kept in the workers while no stats service drains, then drained to the exact frame. */
class StatsReconciliationTest {
    static final int VSAN = 40;
    static final int T = 0x020001;
    static final int FLOWS = 6000;
    static final long ANY = RewriteRule.ANY_LUN;

    private FastPathManager manager;

    @AfterEach
    void stop() {
        if (manager != null) {
            manager.deactivate();
        }
    }

    private static int initiator(int f) {
        return 0x010000 + f;
    }

    /** Tiny stats queues: 2 batches of 1024 deltas per worker, so 6000 flows cannot all be shipped. */
    private void start() {
        manager = new FastPathManager(new FastPathSettings(2, 16, 64, 2, 10, DefaultDecision.FORWARD, 65536));
        RuleBatch.Builder b = RuleBatch.builder().reset();
        for (int f = 1; f <= FLOWS; f++) {
            b.add(RewriteRule.permit(f, VSAN, initiator(f), T, ANY)).add(RewriteRule.permit(f, VSAN, T, initiator(f), ANY));
        }
        manager.apply(b.build(1));
    }

    @Test
    void countersWaitInTheWorkersWhileNoOneDrainsAndReconcileExactlyOnceDrained() {
        start();
        List<byte[]> frames = new ArrayList<>();
        long[] expected = new long[FLOWS + 1];
        for (int round = 0; round < 3; round++) {
            for (int f = 1; f <= FLOWS; f++) {
                frames.add(TestFrames.command(initiator(f), T, round));
                frames.add(TestFrames.response(T, initiator(f), round));
                expected[f] += 2;
            }
            frames.add(TestFrames.els(0x0A0001, 0x0B0001, round));
        }
        try (TestSource source = new TestSource(manager)) {
            source.send(VSAN, frames);
        }
        long sent = frames.size();
        Await.until("every frame was counted and shipping stopped for want of room", Fixtures.TIMEOUT, () -> {
            StatsBacklog b = manager.backlog();
            return b.pendingFrames() == sent && manager.status().workers().stream()
                    .allMatch(w -> w.statsDeferrals() > 0 && w.ringDepth() == 0);
        });
        StatsBacklog waiting = manager.backlog();
        assertEquals(sent, manager.status().framesProcessed());
        assertTrue(waiting.pendingFlowDeltas() > 0, "deltas deferred in the workers: " + waiting);
        assertEquals(2 * 2, waiting.queuedBatches(), "both workers' queues are full");
        assertTrue(waiting.exchangeRecordsDropped() > 0, "completed exchanges that found no room are counted");
        long droppedRecords = waiting.exchangeRecordsDropped();

        Recorder r = Fixtures.drainAll(manager);
        assertEquals(sent, r.frames(), "drained deltas add up to every frame processed");
        Map<Long, Recorder.Delta> byFlow = r.byFlow();
        for (int f = 1; f <= FLOWS; f++) {
            assertEquals(expected[f], byFlow.get((long) f).frames(), "flow " + f);
            assertEquals(3, byFlow.get((long) f).opened(), "flow " + f);
            assertEquals(3, byFlow.get((long) f).completed(), "flow " + f);
        }
        assertEquals(3, byFlow.get(StatsSource.UNMATCHED_FLOW).frames());
        StatsBacklog after = manager.backlog();
        assertEquals(0, after.pendingFrames());
        assertEquals(sent, after.framesDrained());
        assertEquals(3L * FLOWS, r.exchanges.size() + droppedRecords,
                "every completed exchange was either drained or counted as dropped");
        assertEquals(droppedRecords, after.exchangeRecordsDropped());
    }

    @Test
    void aConsumerThatThrowsGetsTheSameRecordAgain() {
        start();
        try (TestSource source = new TestSource(manager)) {
            source.send(VSAN, List.of(TestFrames.command(initiator(1), T, 1)));
        }
        Await.until("the delta was shipped", Fixtures.TIMEOUT, () -> manager.backlog().queuedBatches() > 0);
        StatsConsumer failing = new StatsConsumer() {
            @Override
            public void flowDelta(FlowDelta delta) {
                throw new IllegalStateException("stats service broken");
            }

            @Override
            public void exchange(ExchangeCompletion exchange) {
                throw new IllegalStateException("stats service broken");
            }
        };
        assertThrows(IllegalStateException.class, () -> manager.drain(failing, 100));
        assertEquals(1, manager.backlog().consumerFailures());
        Recorder r = Fixtures.drainAll(manager);
        assertEquals(1, r.frames());
        assertEquals(1, r.byFlow().get(1L).frames());
    }

    @Test
    void drainingStopsAtTheMaximumAskedFor() {
        start();
        List<byte[]> frames = new ArrayList<>();
        for (int f = 1; f <= 100; f++) {
            frames.add(TestFrames.els(initiator(f), T, f));
        }
        try (TestSource source = new TestSource(manager)) {
            source.send(VSAN, frames);
        }
        Await.until("the deltas were shipped", Fixtures.TIMEOUT, () -> manager.backlog().pendingFlowDeltas() == 0
                && manager.backlog().pendingFrames() == 100);
        Recorder r = new Recorder();
        assertEquals(7, manager.drain(r, 7));
        assertEquals(7, r.deltas.size());
        assertThrows(IllegalArgumentException.class, () -> manager.drain(r, 0));
        Recorder rest = Fixtures.drainAll(manager);
        assertEquals(100, r.frames() + rest.frames());
        assertTrue(manager.status().workers().stream().mapToLong(WorkerStatus::faults).sum() == 0);
    }
}
