package org.fcredirect.fc;

import static org.fcredirect.fc.Rejects.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FrameHeaderTest {

    @Test
    void knownFcpCommandHeader() {
        FrameHeader h = FrameHeader.builder()
                .rCtl(RCtl.FCP_CMND).dId(FcId.parse("01.02.03")).sId(FcId.parse("0x040506")).type(FcType.FCP)
                .fCtl(FCtl.FIRST_SEQUENCE | FCtl.END_SEQUENCE | FCtl.SEQUENCE_INITIATIVE)
                .seqId(0x01).oxId(0x1234).parameter(0xCAFEBABE).build();
        byte[] wire = Hex.decode("06010203 00040506 08290000 01000000 1234ffff cafebabe");
        assertArrayEquals(wire, h.toBytes());
        assertEquals(h, FrameHeader.decode(wire, 0, wire.length));
    }

    @Test
    void builderDefaultsToZeroAndAnUnassignedRxId() {
        FrameHeader h = FrameHeader.builder().dId(FcId.NAME_SERVER).sId(FcId.of(0x010101)).build();
        assertEquals(new FrameHeader(0, FcId.NAME_SERVER, 0, FcId.of(0x010101), 0, 0, 0, 0, 0, 0, 0xFFFF, 0), h);
    }

    static Stream<Arguments> rangedFields() {
        return Stream.of(
                field("R_CTL", 0xFF, FrameHeader.Builder::rCtl),
                field("CS_CTL", 0xFF, FrameHeader.Builder::csCtl),
                field("TYPE", 0xFF, FrameHeader.Builder::type),
                field("F_CTL", 0xFFFFFF, FrameHeader.Builder::fCtl),
                field("SEQ_ID", 0xFF, FrameHeader.Builder::seqId),
                field("DF_CTL", 0xFF, FrameHeader.Builder::dfCtl),
                field("SEQ_CNT", 0xFFFF, FrameHeader.Builder::seqCnt),
                field("OX_ID", 0xFFFF, FrameHeader.Builder::oxId),
                field("RX_ID", 0xFFFF, FrameHeader.Builder::rxId));
    }

    private static Arguments field(String name, int max, BiFunction<FrameHeader.Builder, Integer, FrameHeader.Builder> set) {
        return Arguments.of(name, max, set);
    }

    private static FrameHeader.Builder addressed() {
        return FrameHeader.builder().dId(FcId.of(0x010203)).sId(FcId.of(0x040506));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rangedFields")
    void recordRejectsFieldsOutsideTheirWidth(String name, int max,
                                              BiFunction<FrameHeader.Builder, Integer, FrameHeader.Builder> set) {
        FrameHeader largest = set.apply(addressed(), max).build();
        assertEquals(largest, FrameHeader.decode(largest.toBytes(), 0, 24));
        String range = "must be 0..0x" + Integer.toHexString(max);
        for (int bad : new int[] {-1, max + 1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            rejects(() -> set.apply(addressed(), bad).build(), "0x" + Integer.toHexString(bad),
                    "frame header " + name, range);
        }
    }

    @Test
    void recordRequiresBothAddresses() {
        FcFormatException noD = assertThrowsExactly(FcFormatException.class,
                () -> FrameHeader.builder().sId(FcId.of(1)).build());
        assertTrue(noD.getMessage().contains("D_ID and S_ID are required"), noD.getMessage());
        FcFormatException noS = assertThrowsExactly(FcFormatException.class,
                () -> FrameHeader.builder().dId(FcId.of(1)).build());
        assertTrue(noS.getMessage().contains("D_ID and S_ID are required"), noS.getMessage());
    }

    @Test
    void decodeRejectsATruncatedHeader() {
        byte[] frame = FrameHeader.builder().dId(FcId.of(1)).sId(FcId.of(2)).build().toBytes();
        for (int len = 0; len < 24; len++) {
            int n = len;
            rejects(() -> FrameHeader.decode(frame, 0, n), Hex.encode(frame, 0, n),
                    "frame", "truncated: " + n + " bytes, the header alone needs 24");
        }
        byte[] padded = new byte[40];
        System.arraycopy(frame, 0, padded, 30, 10);
        rejects(() -> FrameHeader.decode(padded, 30, 10), Hex.encode(padded, 30, 10), "truncated: 10 bytes");
    }

    @Test
    void decodeRejectsAFrameOutsideTheBuffer() {
        byte[] buf = new byte[30];
        rejects(() -> FrameHeader.decode(buf, -1, 24), "offset -1, length 24", "frame", "outside the 30-byte buffer");
        rejects(() -> FrameHeader.decode(buf, -1, 31), "offset -1, length 31", "outside the 30-byte buffer");
        rejects(() -> FrameHeader.decode(buf, 0, 31), "offset 0, length 31", "outside the 30-byte buffer");
        rejects(() -> FrameHeader.decode(buf, 7, 24), "offset 7, length 24", "outside the 30-byte buffer");
        rejects(() -> FrameHeader.decode(buf, 31, 0), "offset 31, length 0", "outside the 30-byte buffer");
        rejects(() -> FrameHeader.decode(buf, 0, -1), "offset 0, length -1", "outside the 30-byte buffer");
        rejects(() -> FrameHeader.decode(buf, 6, Integer.MAX_VALUE), "offset 6, length " + Integer.MAX_VALUE,
                "outside the 30-byte buffer");
    }
}
