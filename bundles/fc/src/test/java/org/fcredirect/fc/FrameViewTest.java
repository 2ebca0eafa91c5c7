package org.fcredirect.fc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameViewTest {

    @Test
    void settersKeepOnlyTheFieldWidth() {
        byte[] buf = new byte[24];
        FrameView v = new FrameView().wrap(buf, 0, 24);
        v.rCtl(0x1_06);
        v.dId(0xAB_123456);
        v.csCtl(-1);
        v.sId(0xFF_ABCDEF);
        v.type(0x2_08);
        v.fCtl(0x77_290000);
        v.seqCnt(0x1_0002);
        assertEquals(RCtl.FCP_CMND, v.rCtl());
        assertEquals(0x123456, v.dId());
        assertEquals(0xFF, v.csCtl());
        assertEquals(0xABCDEF, v.sId());
        assertEquals(FcType.FCP, v.type());
        assertEquals(0x290000, v.fCtl());
        assertEquals(2, v.seqCnt());
    }

    @Test
    void wrapRepointsTheSameView() {
        byte[] a = FrameHeader.builder().dId(FcId.of(1)).sId(FcId.of(2)).build().toBytes();
        byte[] b = new byte[50];
        FrameHeader.builder().dId(FcId.of(3)).sId(FcId.of(4)).build().encode(b, 10);
        FrameView v = new FrameView();
        assertSame(v, v.wrap(a, 0, 24));
        assertEquals(1, v.dId());
        v.wrap(b, 10, 30);
        assertSame(b, v.buffer());
        assertEquals(10, v.offset());
        assertEquals(30, v.length());
        assertEquals(3, v.dId());
        assertEquals(4, v.sId());
    }

    @ParameterizedTest
    @CsvSource({
        "0x00, 0", "0x40, 8", "0x20, 16", "0x10, 32", "0x01, 16", "0x02, 32", "0x03, 64",
        "0x60, 24", "0x71, 72", "0x73, 120", "0x80, 0", "0x8c, 0"})
    void optionalHeaderLengthFromDfCtl(String dfCtl, int length) {
        byte[] buf = new byte[200];
        FrameView v = new FrameView().wrap(buf, 8, 150);
        v.dfCtl(Integer.decode(dfCtl));
        assertEquals(length, v.optionalHeaderLength());
        assertEquals(8 + 24 + length, v.payloadOffset());
        assertEquals(150 - 24 - length, v.payloadLength());
    }

    @Test
    void fillBytesAndExchangeContextComeFromFCtl() {
        FrameView v = new FrameView().wrap(new byte[24], 0, 24);
        v.fCtl(FCtl.FIRST_SEQUENCE | 2);
        assertEquals(2, v.fillBytes());
        assertFalse(v.fromResponder());
        v.fCtl(FCtl.EXCHANGE_CONTEXT | FCtl.LAST_SEQUENCE);
        assertEquals(0, v.fillBytes());
        assertTrue(v.fromResponder());
    }

    private static void assertCheck(int expected, FrameView v, String description) {
        assertEquals(expected, v.check(), () -> FrameView.describeCheck(v.check()));
        assertEquals(description, FrameView.describeCheck(expected));
    }

    @Test
    void checkAcceptsWellFormedFrames() {
        assertCheck(FrameView.OK, Frames.view(24, 0, 0), "ok");
        assertCheck(FrameView.OK, Frames.view(FrameView.MAX_FRAME_LENGTH, 0, 0), "ok");
        assertCheck(FrameView.OK, Frames.view(24 + 16, 0x20, 0), "ok");
        assertCheck(FrameView.OK, Frames.view(24 + 16 + 3, 0x20, 3), "ok");
    }

    @Test
    void checkShort() {
        for (int len : new int[] {23, 1, 0, -1, Integer.MIN_VALUE}) {
            assertCheck(FrameView.MALFORMED_SHORT, Frames.view(len, 0, 0), "shorter than the 24-byte header");
        }
    }

    @Test
    void checkLong() {
        for (int len : new int[] {2137, 2200, Integer.MAX_VALUE}) {
            assertCheck(FrameView.MALFORMED_LONG, Frames.view(len, 0, 0), "longer than 2136 bytes");
        }
    }

    @Test
    void checkOptionalHeadersPastTheFrame() {
        String why = "optional headers announced by DF_CTL run past the frame";
        assertCheck(FrameView.MALFORMED_OPTIONAL_HEADERS, Frames.view(24 + 15, 0x20, 0), why);
        assertCheck(FrameView.MALFORMED_OPTIONAL_HEADERS, Frames.view(24, 0x40, 0), why);
        assertCheck(FrameView.MALFORMED_OPTIONAL_HEADERS, Frames.view(24 + 119, 0x73, 0), why);
        assertCheck(FrameView.OK, Frames.view(24 + 120, 0x73, 0), "ok");
    }

    @Test
    void checkMoreFillBytesThanPayload() {
        String why = "more fill bytes than payload";
        assertCheck(FrameView.MALFORMED_FILL_BYTES, Frames.view(24, 0, 1), why);
        assertCheck(FrameView.MALFORMED_FILL_BYTES, Frames.view(24 + 2, 0, 3), why);
        assertCheck(FrameView.MALFORMED_FILL_BYTES, Frames.view(24 + 16 + 2, 0x20, 3), why);
        assertCheck(FrameView.OK, Frames.view(24 + 3, 0, 3), "ok");
    }

    @Test
    void everyCheckResultHasItsOwnDescription() {
        Set<String> seen = new HashSet<>();
        for (int r = 0; r < FrameView.CHECK_RESULTS; r++) {
            assertTrue(seen.add(FrameView.describeCheck(r)), "duplicate description for " + r);
        }
        assertEquals("unknown check result 5", FrameView.describeCheck(FrameView.CHECK_RESULTS));
        assertEquals("unknown check result -1", FrameView.describeCheck(-1));
    }

    @Test
    void readsAndWritesAllocateNothing() {
        java.lang.management.ThreadMXBean platform = ManagementFactory.getThreadMXBean();
        assumeTrue(platform instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) platform;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "per-thread allocation counting is off");
        byte[] buf = new byte[2 * FrameView.MAX_FRAME_LENGTH];
        FrameView view = new FrameView();
        long tid = Thread.currentThread().getId();

        long sink = exercise(view, buf, 200_000);
        threads.getThreadAllocatedBytes(tid);
        // the JVM itself may allocate a few bytes once (e.g. on a late recompilation); an allocation
        // in FrameView would show in every round, so the quietest round must be exactly zero
        long quietest = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long before = threads.getThreadAllocatedBytes(tid);
            sink += exercise(view, buf, 100_000);
            quietest = Math.min(quietest, threads.getThreadAllocatedBytes(tid) - before);
        }

        assertEquals(0, quietest, "bytes allocated by 100,000 frames of FrameView reads and writes");
        assertTrue(sink != 42, "keeps the loop's results alive");
    }

    private static long exercise(FrameView v, byte[] buf, int frames) {
        long sink = 0;
        for (int i = 0; i < frames; i++) {
            v.wrap(buf, i & 0x3FF, 24 + (i & 0x7FF));
            v.rCtl(RCtl.FCP_DATA);
            v.dId(i);
            v.sId(~i);
            v.csCtl(i);
            v.type(FcType.FCP);
            v.fCtl(i & 0xFF0000);
            v.seqId(i);
            v.dfCtl(i & 0x30);
            v.seqCnt(i);
            v.oxId(i >>> 3);
            v.rxId(0xFFFF);
            v.parameter(i * 31);
            sink += v.rCtl() + v.dId() + v.csCtl() + v.sId() + v.type() + v.fCtl() + v.seqId() + v.dfCtl()
                    + v.seqCnt() + v.oxId() + v.rxId() + v.parameter() + v.check() + v.optionalHeaderLength()
                    + v.payloadOffset() + v.payloadLength() + v.fillBytes() + (v.fromResponder() ? 1 : 0);
        }
        return sink;
    }
}
