package org.fcredirect.fc;

import static org.fcredirect.fc.Rejects.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class FcCrcPropertiesTest {

    @Property(tries = 500)
    void putGetRoundTripTouchesOnlyFourBytes(@ForAll int crc, @ForAll @Size(16) byte[] background,
                                             @ForAll @IntRange(max = 12) int off) {
        byte[] buf = background.clone();
        FcCrc.put(buf, off, crc);
        assertEquals(crc, FcCrc.get(buf, off));
        assertArrayEquals(Arrays.copyOfRange(background, 0, off), Arrays.copyOfRange(buf, 0, off));
        assertArrayEquals(Arrays.copyOfRange(background, off + 4, 16), Arrays.copyOfRange(buf, off + 4, 16));
    }

    /** A frame of {@code payload} after a header, at offset 3, with its CRC stored behind it. */
    private static byte[] frameWithCrc(byte[] payload) {
        byte[] buf = new byte[3 + 24 + payload.length + 4 + 2];
        FrameHeader.builder().rCtl(RCtl.FCP_DATA).dId(FcId.of(0x010203)).sId(FcId.of(0x040506))
                .type(FcType.FCP).build().encode(buf, 3);
        System.arraycopy(payload, 0, buf, 3 + 24, payload.length);
        int len = 24 + payload.length;
        FcCrc.put(buf, 3 + len, FcCrc.compute(buf, 3, len));
        return buf;
    }

    @Property(tries = 300)
    void checkPassesOnAGoodFrameAndFailsOnAnyFlippedBit(@ForAll @Size(max = 64) byte[] payload,
                                                        @ForAll @IntRange(max = Integer.MAX_VALUE) int anyBit) {
        byte[] buf = frameWithCrc(payload);
        int len = 24 + payload.length;
        assertDoesNotThrow(() -> FcCrc.check(buf, 3, len));

        int bit = anyBit % (8 * (len + 4));
        buf[3 + bit / 8] ^= (byte) (1 << bit % 8);
        String stored = String.format("0x%08x", FcCrc.get(buf, 3 + len));
        String computed = String.format("0x%08x", FcCrc.compute(buf, 3, len));
        rejects(() -> FcCrc.check(buf, 3, len), stored, "frame CRC", "does not match the computed " + computed);
    }

    @Property(tries = 300)
    void leastSignificantByteFirstGivesTheEthernetResidue(@ForAll @Size(max = 64) byte[] payload) {
        // a receiver running CRC-32 over frame and stored CRC must land on the standard residue
        byte[] buf = frameWithCrc(payload);
        assertEquals(0x2144DF1C, FcCrc.compute(buf, 3, 24 + payload.length + 4));
    }
}
