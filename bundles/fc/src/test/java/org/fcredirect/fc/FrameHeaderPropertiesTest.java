package org.fcredirect.fc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Arrays;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class FrameHeaderPropertiesTest {

    @Provide
    Arbitrary<FrameHeader> headers() {
        return Frames.headers();
    }

    @Property(tries = 1000)
    void encodeDecodeRoundTrip(@ForAll("headers") FrameHeader h) {
        byte[] bytes = h.toBytes();
        assertEquals(FrameView.HEADER_LENGTH, bytes.length);
        assertEquals(h, FrameHeader.decode(bytes, 0, bytes.length));
    }

    @Property(tries = 1000)
    void encodesBigEndianInFieldOrder(@ForAll("headers") FrameHeader h) {
        ByteBuffer expected = ByteBuffer.allocate(FrameView.HEADER_LENGTH)
                .putInt(h.rCtl() << 24 | h.dId().value())
                .putInt(h.csCtl() << 24 | h.sId().value())
                .putInt(h.type() << 24 | h.fCtl())
                .put((byte) h.seqId()).put((byte) h.dfCtl()).putShort((short) h.seqCnt())
                .putShort((short) h.oxId()).putShort((short) h.rxId())
                .putInt(h.parameter());
        assertArrayEquals(expected.array(), h.toBytes());
    }

    @Property(tries = 500)
    void encodeAndDecodeAtAnOffsetTouchOnlyTheHeader(@ForAll("headers") FrameHeader h,
                                                     @ForAll @Size(100) byte[] background,
                                                     @ForAll @IntRange(max = 76) int off) {
        byte[] buf = background.clone();
        h.encode(buf, off);
        assertArrayEquals(Arrays.copyOfRange(background, 0, off), Arrays.copyOfRange(buf, 0, off));
        assertArrayEquals(Arrays.copyOfRange(background, off + 24, 100), Arrays.copyOfRange(buf, off + 24, 100));
        assertEquals(h, FrameHeader.decode(buf, off, 100 - off));
    }

    @Property(tries = 200)
    void withAddressesChangesOnlyTheAddresses(@ForAll("headers") FrameHeader h,
                                              @ForAll("fcIds") FcId d, @ForAll("fcIds") FcId s) {
        FrameHeader r = h.withAddresses(d, s);
        assertEquals(d, r.dId());
        assertEquals(s, r.sId());
        assertEquals(h, r.withAddresses(h.dId(), h.sId()));
    }

    @Provide
    Arbitrary<FcId> fcIds() {
        return Frames.fcIds();
    }
}
