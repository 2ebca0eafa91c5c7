package org.fcredirect.fastpath.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fcredirect.fastpath.api.PuntBacklog;
import org.fcredirect.fastpath.api.PuntedFrame;
import org.fcredirect.fc.FCtl;
import org.fcredirect.fc.FcType;
import org.fcredirect.fc.FrameView;
import org.fcredirect.fc.RCtl;
import org.fcredirect.fc.Wwn;
import org.fcredirect.fc.els.ElsFrames;
import org.fcredirect.fc.els.ElsPayloads;
import org.junit.jupiter.api.Test;

/** Fabric logins are copied to the punt queue and still forwarded; a full queue is counted; nothing is allocated. */
class PuntTest {
    static final int VSAN = 10;
    static final Wwn PORT = Wwn.parse("20:00:00:25:b5:0a:00:01");
    static final byte[] FLOGI = ElsFrames.request(ElsFrames.UNIDENTIFIED, ElsFrames.FABRIC_CONTROLLER, 0x10,
            ElsPayloads.flogi(PORT, PORT));
    static final byte[] ACC = ElsFrames.reply(ElsFrames.FABRIC_CONTROLLER, 0x0a0100, 0x10, 0x20, ElsPayloads.accept());

    private record Punt(int vsan, long timestamp, byte[] bytes) {
    }

    private static List<Punt> drain(Shard shard) {
        List<Punt> got = new ArrayList<>();
        shard.puntDrainer.drain(f -> got.add(new Punt(f.vsan(), f.timestamp(),
                Arrays.copyOfRange(f.buffer(), f.offset(), f.offset() + f.length()))), 100);
        return got;
    }

    @Test
    void loginsAndRepliesArePuntedAndForwarded() {
        Shard shard = new Shard();
        assertTrue(shard.send(VSAN, FLOGI).forwarded());
        assertTrue(shard.send(VSAN, ACC).forwarded());
        List<Punt> got = drain(shard);
        assertEquals(2, got.size());
        assertEquals(VSAN, got.get(0).vsan());
        assertEquals(shard.clock, got.get(0).timestamp());
        assertArrayEquals(Arrays.copyOf(FLOGI, FrameView.HEADER_LENGTH + PuntedFrame.MAX_PAYLOAD), got.get(0).bytes());
        assertArrayEquals(ACC, got.get(1).bytes());
        assertEquals(new PuntBacklog(2, 0, 2, 0), shard.puntDrainer.backlog());
    }

    @Test
    void otherFramesAreNotPunted() {
        Shard shard = new Shard();
        byte[] prli = new byte[20];
        prli[0] = 0x20;
        shard.send(VSAN, ElsFrames.request(0x0a0100, 0x0a0200, 1, prli));
        shard.send(VSAN, TestFrames.frame(RCtl.ELS_REQUEST, FcType.ELS, 0x0a0100, 0x0a0200, 0, 2, new byte[0]));
        shard.send(VSAN, TestFrames.command(0x0a0100, 0x0a0200, 3));
        byte[] notEls = FLOGI.clone();
        notEls[8] = FcType.FCP;
        shard.send(VSAN, notEls);
        assertEquals(0, drain(shard).size());
        assertEquals(new PuntBacklog(0, 0, 0, 0), shard.puntDrainer.backlog());
    }

    @Test
    void optionalHeadersAndFillBytesAreLeftOut() {
        byte[] logo = ElsPayloads.logo(0x0a0100, PORT);
        byte[] payload = new byte[16 + logo.length + 2];
        System.arraycopy(logo, 0, payload, 16, logo.length);
        byte[] f = TestFrames.frame(RCtl.ELS_REQUEST, FcType.ELS, 0x0a0100, ElsFrames.FABRIC_CONTROLLER,
                FCtl.FIRST_SEQUENCE | 2, 7, payload);
        new FrameView().wrap(f, 0, f.length).dfCtl(0x20);
        Shard shard = new Shard();
        assertTrue(shard.send(VSAN, f).forwarded());
        byte[] got = drain(shard).get(0).bytes();
        FrameView v = new FrameView().wrap(got, 0, got.length);
        assertEquals(0, v.dfCtl());
        assertEquals(0, v.fillBytes());
        assertArrayEquals(logo, Arrays.copyOfRange(got, FrameView.HEADER_LENGTH, got.length));
    }

    @Test
    void aFullQueueIsCountedAndTheFrameStillForwarded() {
        Shard shard = new Shard(64, 2);
        for (int i = 0; i < 5; i++) {
            assertTrue(shard.send(VSAN, FLOGI).forwarded());
        }
        assertEquals(new PuntBacklog(2, 3, 0, 2), shard.puntDrainer.backlog());
        assertEquals(2, drain(shard).size());
        assertTrue(shard.send(VSAN, ACC).forwarded());
        assertEquals(new PuntBacklog(3, 3, 2, 1), shard.puntDrainer.backlog());
    }

    @Test
    void aConsumerThatThrowsLosesOnlyThatFrame() {
        Shard shard = new Shard(64, 4);
        shard.send(VSAN, FLOGI);
        shard.send(VSAN, ACC);
        try {
            shard.puntDrainer.drain(f -> {
                throw new IllegalStateException("consumer bug");
            }, 10);
        } catch (IllegalStateException expected) {
            // the frame it failed on is gone, the next waits
        }
        assertEquals(1, drain(shard).size());
    }

    @Test
    void puntingAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Shard shard = new Shard(64, 64);
        LaneBatch b = new LaneBatch(null);
        for (int i = 0; i < 32; i++) {
            int at = b.add(VSAN, i, 0, (i & 1) == 0 ? FLOGI.length : ACC.length);
            System.arraycopy((i & 1) == 0 ? FLOGI : ACC, 0, b.data, at, (i & 1) == 0 ? FLOGI.length : ACC.length);
        }
        long[] sink = {0};
        long tid = Thread.currentThread().getId();
        exercise(shard, b, sink, 20_000);
        long quietest = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long before = threads.getThreadAllocatedBytes(tid);
            exercise(shard, b, sink, 2_000);
            quietest = Math.min(quietest, threads.getThreadAllocatedBytes(tid) - before);
        }
        assertEquals(shard.punts.punted(), shard.punts.drained());
        assertEquals(0, shard.punts.dropped(), "the queue has room for every batch");
        assertEquals(0, quietest, "bytes allocated by 2,000 batches of 32 punted logins");
        assertTrue(sink[0] != 42);
    }

    /** The worker's side and the queue's recycling; the drainer's own bookkeeping is the control plane's. */
    private static void exercise(Shard shard, LaneBatch b, long[] sink, int batches) {
        for (int i = 0; i < batches; i++) {
            shard.processor.process(b);
            while (shard.punts.queued() > 0) {
                PuntSlot s = shard.punts.poll();
                sink[0] += s.length;
                shard.punts.recycle(s);
            }
        }
    }
}
