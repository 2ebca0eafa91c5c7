package org.fcredirect.fc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.function.ObjIntConsumer;
import java.util.function.ToIntFunction;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class FrameViewPropertiesTest {

    /** Header fields with their byte position and width, from FC-FS. */
    enum Field {
        R_CTL(0, 1, FrameView::rCtl, FrameView::rCtl),
        D_ID(1, 3, FrameView::dId, FrameView::dId),
        CS_CTL(4, 1, FrameView::csCtl, FrameView::csCtl),
        S_ID(5, 3, FrameView::sId, FrameView::sId),
        TYPE(8, 1, FrameView::type, FrameView::type),
        F_CTL(9, 3, FrameView::fCtl, FrameView::fCtl),
        SEQ_ID(12, 1, FrameView::seqId, FrameView::seqId),
        DF_CTL(13, 1, FrameView::dfCtl, FrameView::dfCtl),
        SEQ_CNT(14, 2, FrameView::seqCnt, FrameView::seqCnt),
        OX_ID(16, 2, FrameView::oxId, FrameView::oxId),
        RX_ID(18, 2, FrameView::rxId, FrameView::rxId),
        PARAMETER(20, 4, FrameView::parameter, FrameView::parameter);

        final int at;
        final int width;
        final ToIntFunction<FrameView> get;
        final ObjIntConsumer<FrameView> set;

        Field(int at, int width, ToIntFunction<FrameView> get, ObjIntConsumer<FrameView> set) {
            this.at = at;
            this.width = width;
            this.get = get;
            this.set = set;
        }

        int mask() {
            return width == 4 ? -1 : (1 << 8 * width) - 1;
        }
    }

    @Property(tries = 1000)
    void aSetterChangesOnlyItsOwnField(@ForAll Field field, @ForAll int value,
                                       @ForAll @Size(48) byte[] background, @ForAll @IntRange(max = 24) int off) {
        byte[] buf = background.clone();
        FrameView v = new FrameView().wrap(buf, off, 24);
        int[] before = new int[Field.values().length];
        for (Field f : Field.values()) {
            before[f.ordinal()] = f.get.applyAsInt(v);
        }

        field.set.accept(v, value);

        int stored = value & field.mask();
        assertEquals(stored, field.get.applyAsInt(v));
        for (Field f : Field.values()) {
            if (f != field) {
                assertEquals(before[f.ordinal()], f.get.applyAsInt(v), () -> f + " changed by setting " + field);
            }
        }
        int start = off + field.at;
        int end = start + field.width;
        for (int i = 0; i < buf.length; i++) {
            byte expected = i >= start && i < end ? (byte) (stored >>> 8 * (end - 1 - i)) : background[i];
            assertEquals(expected, buf[i], "byte " + i);
        }
    }

    @Provide
    Arbitrary<FrameHeader> headers() {
        return Frames.headers();
    }

    @Property(tries = 1000)
    void viewReadsWhatTheRecordEncodes(@ForAll("headers") FrameHeader h, @ForAll @Size(64) byte[] background,
                                       @ForAll @IntRange(max = 40) int off) {
        byte[] buf = background.clone();
        h.encode(buf, off);
        FrameView v = new FrameView().wrap(buf, off, 64 - off);
        assertEquals(h.rCtl(), v.rCtl());
        assertEquals(h.dId().value(), v.dId());
        assertEquals(h.csCtl(), v.csCtl());
        assertEquals(h.sId().value(), v.sId());
        assertEquals(h.type(), v.type());
        assertEquals(h.fCtl(), v.fCtl());
        assertEquals(h.seqId(), v.seqId());
        assertEquals(h.dfCtl(), v.dfCtl());
        assertEquals(h.seqCnt(), v.seqCnt());
        assertEquals(h.oxId(), v.oxId());
        assertEquals(h.rxId(), v.rxId());
        assertEquals(h.parameter(), v.parameter());
        assertEquals(h, v.header());
    }

    @Property(tries = 1000)
    void recordDecodesWhatTheViewWrites(@ForAll("headers") FrameHeader h, @ForAll @Size(64) byte[] background,
                                        @ForAll @IntRange(max = 40) int off) {
        byte[] buf = background.clone();
        FrameView v = new FrameView().wrap(buf, off, 24);
        v.rCtl(h.rCtl());
        v.dId(h.dId().value());
        v.csCtl(h.csCtl());
        v.sId(h.sId().value());
        v.type(h.type());
        v.fCtl(h.fCtl());
        v.seqId(h.seqId());
        v.dfCtl(h.dfCtl());
        v.seqCnt(h.seqCnt());
        v.oxId(h.oxId());
        v.rxId(h.rxId());
        v.parameter(h.parameter());
        assertEquals(h, FrameHeader.decode(buf, off, 24));
        assertArrayEquals(h.toBytes(), Arrays.copyOfRange(buf, off, off + 24));
    }

    /** Optional header lengths as FC-FS defines them, written independently of FrameView. */
    private static int optionalHeaders(int dfCtl) {
        int[] device = {0, 16, 32, 64};
        return ((dfCtl & 0x40) != 0 ? 8 : 0) + ((dfCtl & 0x20) != 0 ? 16 : 0) + ((dfCtl & 0x10) != 0 ? 32 : 0)
                + device[dfCtl & 3];
    }

    @Property(tries = 1000)
    void checkReportsTheFirstViolatedRule(@ForAll @IntRange(min = -2, max = 2200) int len,
                                          @ForAll @IntRange(max = 0xFF) int dfCtl,
                                          @ForAll @IntRange(max = 0xFFFFFF) int fCtl) {
        FrameView v = Frames.view(len, dfCtl, fCtl);
        int optional = optionalHeaders(dfCtl);
        int expected;
        if (len < 24) {
            expected = FrameView.MALFORMED_SHORT;
        } else if (len > 24 + 2112) {
            expected = FrameView.MALFORMED_LONG;
        } else if (24 + optional > len) {
            expected = FrameView.MALFORMED_OPTIONAL_HEADERS;
        } else if ((fCtl & 3) > len - 24 - optional) {
            expected = FrameView.MALFORMED_FILL_BYTES;
        } else {
            expected = FrameView.OK;
        }
        assertEquals(expected, v.check(), FrameView.describeCheck(v.check()));
        if (expected == FrameView.OK) {
            assertEquals(5 + len, v.payloadOffset() + v.payloadLength());
            assertEquals(optional, v.optionalHeaderLength());
            assertEquals(fCtl & 3, v.fillBytes());
        }
    }
}
