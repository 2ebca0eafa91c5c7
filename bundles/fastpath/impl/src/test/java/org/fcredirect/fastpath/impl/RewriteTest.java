package org.fcredirect.fastpath.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.fcredirect.fastpath.api.DropReason;
import org.fcredirect.fastpath.api.RewriteRule;
import org.fcredirect.fastpath.api.RuleBatch;
import org.fcredirect.fastpath.api.StatsSource;
import org.fcredirect.fc.FCtl;
import org.fcredirect.fc.FcType;
import org.fcredirect.fc.FrameView;
import org.fcredirect.fc.RCtl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The four redirect rules both ways, permit, drop, unknown flows and malformed frames, on one worker's processor. */
class RewriteTest {
    static final int VSAN = 10;
    static final int I = 0x010100;
    static final int T = 0x020200;
    static final int VT = 0x300000;
    static final int VI = 0x300001;
    static final int I_DIRECT = 0x010101;
    static final int I_DROPPED = 0x010102;
    static final long REDIRECTED = 7;
    static final long DIRECT = 8;
    static final long DROPPED = 9;
    static final long ANY = RewriteRule.ANY_LUN;

    private final Shard shard = new Shard();

    @BeforeEach
    void rules() {
        shard.apply(RuleBatch.builder().reset()
                .add(RewriteRule.rewrite(REDIRECTED, VSAN, I, T, ANY, I, VT))
                .add(RewriteRule.rewrite(REDIRECTED, VSAN, VI, T, ANY, I, T))
                .add(RewriteRule.rewrite(REDIRECTED, VSAN, T, I, ANY, T, VI))
                .add(RewriteRule.rewrite(REDIRECTED, VSAN, VT, I, ANY, T, I))
                .add(RewriteRule.permit(DIRECT, VSAN, I_DIRECT, T, ANY))
                .add(RewriteRule.permit(DIRECT, VSAN, T, I_DIRECT, ANY))
                .add(RewriteRule.drop(DROPPED, VSAN, I_DROPPED, T, ANY))
                .add(RewriteRule.drop(DROPPED, VSAN, T, I_DROPPED, ANY))
                .build(1));
    }

    @Test
    void initiatorToTargetIsSentToTheVirtualTarget() {
        Shard.Result r = shard.send(VSAN, TestFrames.command(I, T, 0x100));
        assertTrue(r.forwarded());
        assertEquals(I, r.sid());
        assertEquals(VT, r.did());
    }

    @Test
    void virtualInitiatorToTargetLeavesAsTheInitiator() {
        Shard.Result r = shard.send(VSAN, TestFrames.command(VI, T, 0x100));
        assertEquals(I, r.sid(), "the target sees the initiator's own FCID");
        assertEquals(T, r.did());
    }

    @Test
    void targetToInitiatorIsSentToTheVirtualInitiator() {
        Shard.Result r = shard.send(VSAN, TestFrames.data(T, I, 0x100, true, 2048));
        assertEquals(T, r.sid());
        assertEquals(VI, r.did());
    }

    @Test
    void virtualTargetToInitiatorLeavesAsTheTarget() {
        Shard.Result r = shard.send(VSAN, TestFrames.response(VT, I, 0x100));
        assertEquals(T, r.sid(), "the initiator sees the target's FCID");
        assertEquals(I, r.did());
    }

    @Test
    void aRewriteChangesOnlyTheAddresses() {
        byte[] in = TestFrames.data(T, I, 0x1234, true, 64);
        byte[] out = shard.send(VSAN, in).frame();
        out[1] = in[1];
        out[2] = in[2];
        out[3] = in[3];
        assertArrayEquals(in, out);
    }

    @Test
    void theSameAddressesInAnotherVsanAreAnotherFlow() {
        Shard.Result r = shard.send(VSAN + 1, TestFrames.command(I, T, 0x100));
        assertTrue(r.forwarded());
        assertEquals(T, r.did(), "unknown in VSAN 11: forwarded unchanged");
    }

    @Test
    void aPermittedFlowIsForwardedUnchangedBothWays() {
        byte[] there = TestFrames.command(I_DIRECT, T, 5);
        byte[] back = TestFrames.response(T, I_DIRECT, 5);
        assertArrayEquals(there, shard.send(VSAN, there).frame());
        assertArrayEquals(back, shard.send(VSAN, back).frame());
    }

    @Test
    void aDroppedFlowIsDroppedBothWaysAndCounted() {
        assertEquals(DropReason.RULE_DROP, shard.send(VSAN, TestFrames.command(I_DROPPED, T, 5)).dropped());
        assertEquals(DropReason.RULE_DROP, shard.send(VSAN, TestFrames.response(T, I_DROPPED, 5)).dropped());
        Recorder.Delta d = shard.drain().byFlow().get(DROPPED);
        assertEquals(2, d.frames());
        assertEquals(2, d.dropped());
        assertEquals(0, d.opened(), "a dropped command opens no exchange");
    }

    @Test
    void unknownFlowsFollowTheDefaultDecision() {
        byte[] f = TestFrames.els(0x0A0A0A, 0x0B0B0B, 1);
        Shard.Result forwarded = shard.send(VSAN, f);
        assertArrayEquals(f, forwarded.frame());
        shard.processor.defaultDrop = true;
        assertEquals(DropReason.DEFAULT_DROP, shard.send(VSAN, f).dropped());
        Recorder.Delta unmatched = shard.drain().byFlow().get(StatsSource.UNMATCHED_FLOW);
        assertEquals(2, unmatched.frames());
        assertEquals(2L * f.length, unmatched.bytesToTarget());
        assertEquals(1, unmatched.dropped());
    }

    @Test
    void malformedFramesOfEveryKindAreDroppedAndCountedByReason() {
        byte[] ok = TestFrames.command(I, T, 1);
        byte[] longer = new byte[FrameView.MAX_FRAME_LENGTH + 4];
        System.arraycopy(ok, 0, longer, 0, ok.length);
        byte[] optionalHeaders = TestFrames.frame(RCtl.FCP_DATA, FcType.FCP, I, T, 0, 1, new byte[8]);
        optionalHeaders[13] = 0x20;
        byte[] fill = TestFrames.frame(RCtl.FCP_DATA, FcType.FCP, I, T, 3, 1, new byte[0]);
        byte[] shortCommand = TestFrames.frame(RCtl.FCP_CMND, FcType.FCP, I, T, 0, 1, new byte[20]);
        byte[] commandWithoutItsCdb = TestFrames.frame(RCtl.FCP_CMND, FcType.FCP, I, T, 0, 1, new byte[32]);
        commandWithoutItsCdb[FrameView.HEADER_LENGTH + 11] = 4 << 2;

        assertEquals(DropReason.MALFORMED_SHORT, shard.send(VSAN, new byte[10]).dropped());
        assertEquals(DropReason.MALFORMED_LONG, shard.send(VSAN, longer).dropped());
        assertEquals(DropReason.MALFORMED_OPTIONAL_HEADERS, shard.send(VSAN, optionalHeaders).dropped());
        assertEquals(DropReason.MALFORMED_FILL_BYTES, shard.send(VSAN, fill).dropped());
        assertEquals(DropReason.MALFORMED_FCP_CMND, shard.send(VSAN, shortCommand).dropped());
        assertEquals(DropReason.MALFORMED_FCP_CMND, shard.send(VSAN, commandWithoutItsCdb).dropped());
        assertNull(shard.send(VSAN, ok).dropped(), "the worker goes on");

        FrameProcessor p = shard.processor;
        assertEquals(7, p.received);
        assertEquals(1, p.processed, "malformed frames are not decided on");
        assertEquals(1, p.drops[DropReason.MALFORMED_SHORT.ordinal()]);
        assertEquals(1, p.drops[DropReason.MALFORMED_LONG.ordinal()]);
        assertEquals(1, p.drops[DropReason.MALFORMED_OPTIONAL_HEADERS.ordinal()]);
        assertEquals(1, p.drops[DropReason.MALFORMED_FILL_BYTES.ordinal()]);
        assertEquals(2, p.drops[DropReason.MALFORMED_FCP_CMND.ordinal()]);
        assertEquals(1, shard.drain().frames(), "only the good frame is counted for a flow");
    }

    @Test
    void aRedirectedExchangeIsCountedOnEveryLegAndTimedFromCommandToResponse() {
        int ox = 0x4321;
        shard.clock = 1_000;
        assertEquals(VT, shard.send(VSAN, TestFrames.command(I, T, ox, 0, false, 4096)).did());
        assertEquals(I, shard.send(VSAN, TestFrames.command(VI, T, ox, 0, false, 4096)).sid());
        shard.clock = 2_000;
        shard.send(VSAN, TestFrames.data(T, I, ox, true, 2048));
        shard.send(VSAN, TestFrames.data(T, I, ox, true, 2048));
        shard.send(VSAN, TestFrames.data(VT, I, ox, true, 2048));
        shard.send(VSAN, TestFrames.data(VT, I, ox, true, 2048));
        shard.clock = 51_000;
        shard.send(VSAN, TestFrames.response(T, I, ox));
        shard.clock = 52_000;
        shard.send(VSAN, TestFrames.response(VT, I, ox));

        Recorder r = shard.drain();
        Recorder.Delta d = r.byFlow().get(REDIRECTED);
        assertEquals(2, d.framesToTarget(), "the command, to the appliance and from it");
        assertEquals(6, d.framesToInitiator());
        assertEquals(2L * (24 + 32), d.bytesToTarget());
        assertEquals(4L * (24 + 2048) + 2L * (24 + 24), d.bytesToInitiator());
        assertEquals(1, d.opened(), "the appliance's copy of the command opens nothing");
        assertEquals(1, d.completed());
        assertEquals(1, r.exchanges.size());
        Recorder.Exchange x = r.exchanges.get(0);
        assertEquals(new Recorder.Exchange(REDIRECTED, VSAN, I, T, ox, false, 4096, 0, 1_000, 50_000), x);
    }

    @Test
    void countersMatchTheFramesSentExactly() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        long[][] sent = new long[3][2];
        long[] bytes = new long[3];
        int[][] ends = {{I, T}, {I_DIRECT, T}, {I_DROPPED, T}};
        for (int k = 0; k < 5000; k++) {
            int flow = random.nextInt(3);
            boolean back = random.nextBoolean();
            int len = 4 * random.nextInt(1, 512);
            byte[] f = back ? TestFrames.data(ends[flow][1], ends[flow][0], k, true, len)
                    : TestFrames.data(ends[flow][0], ends[flow][1], k, false, len);
            shard.send(VSAN, f);
            sent[flow][back ? 1 : 0]++;
            bytes[flow] += f.length;
        }
        Map<Long, Recorder.Delta> got = shard.drain().byFlow();
        long[] ids = {REDIRECTED, DIRECT, DROPPED};
        for (int flow = 0; flow < 3; flow++) {
            Recorder.Delta d = got.get(ids[flow]);
            assertEquals(sent[flow][0], d.framesToTarget());
            assertEquals(sent[flow][1], d.framesToInitiator());
            assertEquals(bytes[flow], d.bytesToTarget() + d.bytesToInitiator());
        }
        assertFalse(got.containsKey(StatsSource.UNMATCHED_FLOW));
    }

    @Test
    void countersOfARuleThatChangesStayWithTheFlowTheyWereCountedFor() {
        shard.send(VSAN, TestFrames.command(I, T, 1));
        shard.send(VSAN, TestFrames.command(I, T, 2));
        shard.apply(RuleBatch.builder().remove(REDIRECTED).add(RewriteRule.permit(42, VSAN, I, T, ANY)).build(2));
        Shard.Result after = shard.send(VSAN, TestFrames.command(I, T, 3));
        assertEquals(T, after.did(), "the new rule applies");
        Map<Long, Recorder.Delta> got = shard.drain().byFlow();
        assertEquals(2, got.get(REDIRECTED).frames());
        assertEquals(1, got.get(42L).frames());
    }

    @Test
    void aResetDropsEveryRule() {
        shard.apply(RuleBatch.builder().reset().build(2));
        assertEquals(T, shard.send(VSAN, TestFrames.command(I, T, 1)).did());
        assertEquals(0, shard.rules.rules());
    }

    @Test
    void responsesWhoseCommandWasNotSeenAreCountedAsUnmatched() {
        shard.send(VSAN, TestFrames.response(T, I_DIRECT, 99));
        assertEquals(1, shard.processor.exchangesUnmatched);
        assertTrue(shard.drain().exchanges.isEmpty());
    }

    @Test
    void theExchangeContextBitGivesTheDirection() {
        byte[] f = TestFrames.frame(RCtl.ELS_REPLY, FcType.ELS, T, I_DIRECT, FCtl.EXCHANGE_CONTEXT, 3, new byte[4]);
        shard.send(VSAN, f);
        Recorder.Delta d = shard.drain().byFlow().get(DIRECT);
        assertEquals(1, d.framesToInitiator());
        assertEquals(0, d.framesToTarget());
    }
}
