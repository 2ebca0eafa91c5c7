package org.fcredirect.fastpath.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.fcredirect.fastpath.api.DropReason;
import org.fcredirect.fastpath.api.RewriteRule;
import org.fcredirect.fastpath.api.RuleBatch;
import org.fcredirect.fastpath.api.StatsSource;
import org.fcredirect.fc.fcp.Lun;
import org.junit.jupiter.api.Test;

/** Keys held by several flows (an appliance's egress legs) and rules narrowed to a LUN. */
class SharedAndNarrowedRulesTest {
    static final int VSAN = 20;
    static final int I1 = 0x010001;
    static final int I2 = 0x010002;
    static final int T = 0x020001;
    static final int VT = 0x300000;
    static final int VI = 0x300001;
    static final long ANY = RewriteRule.ANY_LUN;

    private final Shard shard = new Shard();

    private static void redirect(RuleBatch.Builder b, long flow, int i, int t, long lun) {
        b.add(RewriteRule.rewrite(flow, VSAN, i, t, lun, i, VT));
        b.add(RewriteRule.rewrite(flow, VSAN, VI, t, lun, i, t));
        b.add(RewriteRule.rewrite(flow, VSAN, t, i, lun, t, VI));
        b.add(RewriteRule.rewrite(flow, VSAN, VT, i, lun, t, i));
    }

    @Test
    void twoInitiatorsToOneTargetThroughOneApplianceConflictOnItsVirtualInitiator() {
        RuleBatch.Builder b = RuleBatch.builder().reset();
        redirect(b, 1, I1, T, ANY);
        redirect(b, 2, I2, T, ANY);
        shard.apply(b.build(1));
        assertEquals(1, shard.rules.conflicts(), "VI->T is held by both flows, rewritten to I1 by one and I2 by the other");

        assertEquals(VT, shard.send(VSAN, TestFrames.command(I1, T, 1)).did(), "the hosts' own legs are unique");
        assertEquals(DropReason.AMBIGUOUS_RULE, shard.send(VSAN, TestFrames.command(VI, T, 1)).dropped(),
                "never delivered to the target under the wrong initiator's FCID");
        assertEquals(T, shard.send(VSAN, TestFrames.response(VT, I2, 1)).sid(), "VT->I2 is flow 2's alone");

        shard.apply(RuleBatch.builder().remove(2).build(2));
        assertEquals(0, shard.rules.conflicts());
        assertEquals(I1, shard.send(VSAN, TestFrames.command(VI, T, 1)).sid(), "one holder left: its rule applies");

        Map<Long, Recorder.Delta> got = shard.drain().byFlow();
        assertEquals(1, got.get(StatsSource.UNMATCHED_FLOW).dropped(), "the ambiguous frame counts for no flow");
        assertEquals(2, got.get(1L).frames());
        assertEquals(1, got.get(2L).frames());
    }

    @Test
    void flowsThatAgreeOnASharedKeyShareItAndTheLowestIdCountsIt() {
        shard.apply(RuleBatch.builder().reset()
                .add(RewriteRule.permit(9, VSAN, I1, T, ANY))
                .add(RewriteRule.permit(4, VSAN, I1, T, ANY)).build(1));
        assertEquals(0, shard.rules.conflicts());
        assertTrue(shard.send(VSAN, TestFrames.command(I1, T, 1)).forwarded());
        shard.apply(RuleBatch.builder().remove(4).build(2));
        assertTrue(shard.send(VSAN, TestFrames.command(I1, T, 2)).forwarded());
        Map<Long, Recorder.Delta> got = shard.drain().byFlow();
        assertEquals(1, got.get(4L).frames());
        assertEquals(1, got.get(9L).frames(), "after flow 4 left, flow 9 holds the key alone");
        assertEquals(1, shard.rules.rules(), "flow 9 keeps its rule, flow 4 took its own away");
    }

    @Test
    void aLunNarrowedRedirectTakesOnlyItsLunsExchangesOnEveryLeg() {
        long lun5 = Lun.of(5);
        long lun6 = Lun.of(6);
        RuleBatch.Builder b = RuleBatch.builder().reset();
        redirect(b, 5, I1, T, lun5);
        b.add(RewriteRule.permit(6, VSAN, I1, T, lun6)).add(RewriteRule.permit(6, VSAN, T, I1, lun6));
        shard.apply(b.build(1));

        // LUN 5: a write through the appliance
        assertEquals(VT, shard.send(VSAN, TestFrames.command(I1, T, 0x55, lun5, true, 4096)).did());
        assertEquals(I1, shard.send(VSAN, TestFrames.command(VI, T, 0x55, lun5, true, 4096)).sid());
        assertEquals(VI, shard.send(VSAN, TestFrames.data(T, I1, 0x55, true, 12)).did(), "XFER_RDY-like reply: by exchange");
        assertEquals(T, shard.send(VSAN, TestFrames.data(VT, I1, 0x55, true, 12)).sid(), "VT->I: the only rule there");
        assertEquals(VT, shard.send(VSAN, TestFrames.data(I1, T, 0x55, false, 2048)).did(), "write data: by exchange");
        assertEquals(I1, shard.send(VSAN, TestFrames.data(VI, T, 0x55, false, 2048)).sid(), "the appliance's copy too");
        assertEquals(VI, shard.send(VSAN, TestFrames.response(T, I1, 0x55)).did());

        // LUN 6: direct, untouched
        assertEquals(T, shard.send(VSAN, TestFrames.command(I1, T, 0x66, lun6, false, 4096)).did());
        assertEquals(I1, shard.send(VSAN, TestFrames.data(T, I1, 0x66, true, 2048)).did());
        assertEquals(I1, shard.send(VSAN, TestFrames.response(T, I1, 0x66)).did());

        // LUN 7 belongs to no flow
        assertEquals(T, shard.send(VSAN, TestFrames.command(I1, T, 0x77, Lun.of(7), false, 4096)).did());

        Map<Long, Recorder.Delta> got = shard.drain().byFlow();
        assertEquals(7, got.get(5L).frames());
        assertEquals(1, got.get(5L).opened());
        assertEquals(1, got.get(5L).completed());
        assertEquals(3, got.get(6L).frames());
        assertEquals(1, got.get(6L).completed());
        assertEquals(1, got.get(StatsSource.UNMATCHED_FLOW).frames());
    }

    @Test
    void aNarrowedRuleBesideOneForEveryLunWinsForItsLun() {
        long lun5 = Lun.of(5);
        RuleBatch.Builder b = RuleBatch.builder().reset()
                .add(RewriteRule.permit(1, VSAN, I1, T, ANY)).add(RewriteRule.permit(1, VSAN, T, I1, ANY));
        redirect(b, 5, I1, T, lun5);
        shard.apply(b.build(1));
        assertEquals(VT, shard.send(VSAN, TestFrames.command(I1, T, 1, lun5, false, 512)).did());
        assertEquals(VI, shard.send(VSAN, TestFrames.data(T, I1, 1, true, 512)).did());
        assertEquals(T, shard.send(VSAN, TestFrames.command(I1, T, 2, Lun.of(3), false, 512)).did());
        assertEquals(T, shard.send(VSAN, TestFrames.els(I1, T, 3)).did(), "no LUN: the rule for every LUN");

        shard.apply(RuleBatch.builder().remove(5).build(2));
        assertEquals(T, shard.send(VSAN, TestFrames.command(I1, T, 4, lun5, false, 512)).did(),
                "narrowed rule gone: the pair's rule applies");
        shard.apply(RuleBatch.builder().remove(1).build(3));
        assertEquals(0, shard.rules.main.size(), "no placeholder left behind");
        assertEquals(0, shard.rules.narrowed.size());
    }

    @Test
    void narrowedRulesThatDisagreeGiveFramesOfUnknownLunNoFallback() {
        RuleBatch.Builder b = RuleBatch.builder().reset();
        redirect(b, 5, I1, T, Lun.of(5));
        b.add(RewriteRule.drop(6, VSAN, VT, I1, Lun.of(6)));
        shard.apply(b.build(1));
        Shard.Result r = shard.send(VSAN, TestFrames.response(VT, I1, 0x99));
        assertTrue(r.forwarded());
        assertEquals(VT, r.sid(), "no rule can be picked: the default decision forwards it unchanged");
        assertFalse(shard.drain().byFlow().containsKey(5L));
    }
}
