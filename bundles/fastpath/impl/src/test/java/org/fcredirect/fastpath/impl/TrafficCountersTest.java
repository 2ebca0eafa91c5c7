package org.fcredirect.fastpath.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.fcredirect.fastpath.api.RewriteRule;
import org.fcredirect.fastpath.api.RuleBatch;
import org.fcredirect.fc.FrameView;
import org.junit.jupiter.api.Test;

/** A slot's frames, bytes and exchanges packed into its counters come out exact, however many. */
class TrafficCountersTest {
    static final int VSAN = 30;
    static final int I = 0x010001;
    static final int T = 0x020001;
    static final long ANY = RewriteRule.ANY_LUN;
    /** The frames at which a traffic counter turns negative. */
    static final long LIMIT = 1L << 25;

    private final Shard shard = new Shard();

    private void permit(long flow, int i, int t) {
        shard.apply(RuleBatch.builder().add(RewriteRule.permit(flow, VSAN, i, t, ANY))
                .add(RewriteRule.permit(flow, VSAN, t, i, ANY)).build(flow));
    }

    private int slot(int s, int d) {
        return shard.rules.main.find(Keys.pack(VSAN, s, d));
    }

    @Test
    void aCounterAboutToOverflowIsSettledWithEveryFrameAndByteItHeld() {
        permit(1, I, T);
        LegTable t = shard.rules.main;
        int slot = slot(I, T);
        long bytesBefore = (LIMIT - 1) * FrameView.MAX_FRAME_LENGTH;
        t.e[slot * LegTable.STRIDE + LegTable.TO_TARGET] = (LIMIT - 1) * LegTable.ONE_FRAME + bytesBefore;
        t.markDirty(slot);
        byte[] command = TestFrames.command(I, T, 7);

        assertTrue(shard.send(VSAN, command).forwarded());

        assertFalse(t.hasCounts(slot), "the full counter was settled, not left to wrap");
        assertEquals(0, t.dirtyCount());
        Recorder.Delta d = shard.drain().byFlow().get(1L);
        assertEquals(LIMIT, d.framesToTarget());
        assertEquals(bytesBefore + command.length, d.bytesToTarget());
        assertEquals(1, d.opened());
        assertEquals(0, d.framesToInitiator());
    }

    @Test
    void theLargestCounterBelowTheLimitKeepsItsBytesApartFromItsFrames() {
        long frames = LIMIT - 1;
        long bytes = frames * FrameView.MAX_FRAME_LENGTH;
        long packed = frames * LegTable.ONE_FRAME + bytes;
        assertFalse(LegTable.full(packed));
        assertEquals(frames, LegTable.frames(packed));
        assertEquals(bytes, LegTable.bytes(packed));
        assertTrue(LegTable.full(packed + LegTable.ONE_FRAME + FrameView.MAX_FRAME_LENGTH));
    }

    @Test
    void bothDirectionsAndExchangesSurviveARehashUnshipped() {
        permit(1, I, T);
        byte[] command = TestFrames.command(I, T, 1);
        byte[] data = TestFrames.data(T, I, 1, true, 2048);
        byte[] response = TestFrames.response(T, I, 1);
        shard.send(VSAN, command);
        shard.send(VSAN, data);
        shard.send(VSAN, response);
        int capacity = shard.rules.main.capacity();
        for (int f = 2; f < 200; f++) {
            permit(f, I + f, T);
        }
        assertTrue(shard.rules.main.capacity() > capacity, "the table grew and moved its slots");

        Map<Long, Recorder.Delta> got = shard.drain().byFlow();
        Recorder.Delta d = got.get(1L);
        assertEquals(1, d.framesToTarget());
        assertEquals(command.length, d.bytesToTarget());
        assertEquals(2, d.framesToInitiator());
        assertEquals(data.length + response.length, d.bytesToInitiator());
        assertEquals(1, d.opened());
        assertEquals(1, d.completed());
        assertEquals(1, got.size(), "no other flow saw a frame");
    }

    @Test
    void aSlotCountedInBothDirectionsIsShippedOnce() {
        permit(1, I, T);
        shard.send(VSAN, TestFrames.command(I, T, 1));
        shard.send(VSAN, TestFrames.data(I, T, 2, true, 100));
        assertEquals(1, shard.rules.main.dirtyCount());
        Recorder r = shard.drain();
        assertEquals(1, r.deltas.size());
        assertEquals(1, r.deltas.get(0).framesToTarget());
        assertEquals(1, r.deltas.get(0).framesToInitiator());
    }
}
