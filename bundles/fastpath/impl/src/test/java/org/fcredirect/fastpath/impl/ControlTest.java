package org.fcredirect.fastpath.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.fcredirect.fastpath.api.DefaultDecision;
import org.fcredirect.fastpath.api.FastPathSettings;
import org.fcredirect.fastpath.api.FastPathStatus;
import org.fcredirect.fastpath.api.RewriteRule;
import org.fcredirect.fastpath.api.RuleBatch;
import org.fcredirect.fastpath.api.WorkerStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rule batches through the control queues of running workers. */
class ControlTest {
    static final int VSAN = 30;
    static final int I = 0x010001;
    static final int T = 0x020001;
    static final int VT = 0x300000;
    static final int VI = 0x300001;
    static final long ANY = RewriteRule.ANY_LUN;

    private FastPathManager manager;

    @AfterEach
    void stop() {
        if (manager != null) {
            manager.deactivate();
        }
    }

    private static RuleBatch.Builder redirect(RuleBatch.Builder b, long flow, int i) {
        return b.add(RewriteRule.rewrite(flow, VSAN, i, T, ANY, i, VT))
                .add(RewriteRule.rewrite(flow, VSAN, VI, T, ANY, i, T))
                .add(RewriteRule.rewrite(flow, VSAN, T, i, ANY, T, VI))
                .add(RewriteRule.rewrite(flow, VSAN, VT, i, ANY, T, i));
    }

    @Test
    void framesSentAfterABatchWasAcceptedSeeItsRules() {
        manager = new FastPathManager(Fixtures.settings(2));
        try (TestSource source = new TestSource(manager)) {
            assertEquals(T, source.send(VSAN, TestFrames.command(I, T, 1)).did(), "no rule yet");
            long generation = 0;
            for (int round = 0; round < 200; round++) {
                boolean redirected = round % 2 == 0;
                RuleBatch.Builder b = RuleBatch.builder().remove(1);
                RuleBatch batch = redirected ? redirect(RuleBatch.builder(), 1, I).build(++generation)
                        : b.build(++generation);
                manager.apply(batch);
                Shard.Result there = source.send(VSAN, TestFrames.command(I, T, round));
                Shard.Result back = source.send(VSAN, TestFrames.response(VT, I, round));
                assertEquals(redirected ? VT : T, there.did(), "round " + round);
                assertEquals(redirected ? T : VT, back.sid(), "round " + round);
            }
        }
    }

    @Test
    void aBatchIsAppliedBetweenFrameBatchesNeverInTheMiddleOfOne() {
        manager = new FastPathManager(Fixtures.settings(1));
        try (TestSource source = new TestSource(manager)) {
            List<byte[]> frames = new ArrayList<>();
            for (int k = 0; k < 64; k++) {
                frames.add(TestFrames.command(I, T, k));
            }
            for (int round = 0; round < 50; round++) {
                manager.apply(round % 2 == 0 ? redirect(RuleBatch.builder().reset(), 1, I).build(round + 1)
                        : RuleBatch.builder().reset().build(round + 1));
                long rewritten = source.send(VSAN, frames).stream().filter(r -> r.did() == VT).count();
                assertTrue(rewritten == 0 || rewritten == 64, "a batch of 64 saw one rule set, not a mix: " + rewritten);
            }
        }
    }

    @Test
    void generationGapsAndRepeatsAreCountedAndRepeatsRefused() {
        manager = new FastPathManager(Fixtures.settings(2));
        manager.apply(redirect(RuleBatch.builder().reset(), 1, I).build(1));
        manager.apply(RuleBatch.builder().remove(1).build(2));
        manager.apply(redirect(RuleBatch.builder(), 2, I).build(5));
        manager.apply(RuleBatch.builder().remove(2).build(4));
        FastPathStatus s = manager.status();
        assertEquals(2, s.generationGaps(), "generations 3 and 4 never came");
        assertEquals(1, s.repeatedBatches());
        assertEquals(3, s.ruleBatches());
        assertEquals(5, s.ruleGeneration());
        try (TestSource source = new TestSource(manager)) {
            assertEquals(VT, source.send(VSAN, TestFrames.command(I, T, 1)).did(), "the refused removal did not apply");
        }
        manager.apply(RuleBatch.builder().reset().build(1));
        assertEquals(1, manager.status().ruleGeneration(), "a full table starts a new sequence");
    }

    @Test
    void applyWaitsForRoomInFullControlQueuesAndNeverDropsABatch() throws InterruptedException {
        manager = new FastPathManager(new FastPathSettings(2, 16, 2, 16, 20, DefaultDecision.FORWARD, 1024));
        int flows = 2000;
        manager.apply(RuleBatch.builder().reset().build(1));
        for (int f = 1; f <= flows; f++) {
            int initiator = 0x010000 + f;
            manager.apply(RuleBatch.builder().add(RewriteRule.permit(f, VSAN, initiator, T, ANY))
                    .add(RewriteRule.permit(f, VSAN, T, initiator, ANY)).build(f + 1));
        }
        assertTrue(manager.awaitRules(20_000));
        FastPathStatus s = manager.status();
        assertEquals(2L * flows, s.workers().stream().mapToLong(WorkerStatus::rules).sum());
        assertEquals(flows + 1, s.ruleBatches());
        assertEquals(0, s.generationGaps());
        assertTrue(s.workers().stream().allMatch(w -> w.appliedGeneration() == flows + 1));
    }
}
