package org.fcredirect.fc.fcp;

import static org.fcredirect.fc.testing.Malformed.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.fcredirect.fc.FCtl;
import org.fcredirect.fc.FcId;
import org.fcredirect.fc.FcType;
import org.fcredirect.fc.FrameHeader;
import org.fcredirect.fc.RCtl;
import org.fcredirect.fc.testing.TestFrames;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FcpIuTest {

    private static FrameHeader header(FcpIu iu) {
        return FrameHeader.builder().rCtl(iu.rCtl()).dId(FcId.of(0x010200)).sId(FcId.of(0x010100)).type(FcType.FCP)
                .fCtl(FCtl.FIRST_SEQUENCE | FCtl.END_SEQUENCE | (iu instanceof FcpData ? FCtl.RELATIVE_OFFSET : 0))
                .oxId(0x1234).parameter(iu.parameter()).build();
    }

    @Test
    void dispatchesOnRCtl() {
        assertInstanceOf(FcpCmnd.class, FcpIu.decode(RCtl.FCP_CMND, 0, new byte[32], 0, 32));
        assertInstanceOf(FcpXferRdy.class, FcpIu.decode(RCtl.FCP_XFER_RDY, 0, new byte[12], 0, 12));
        assertInstanceOf(FcpRsp.class, FcpIu.decode(RCtl.FCP_RSP, 0, new byte[24], 0, 24));
        FcpIu data = FcpIu.decode(RCtl.FCP_DATA, 4096, new byte[8], 0, 8);
        assertEquals(new FcpData(4096, new byte[8]), data);
    }

    @Test
    void rejectsAnRCtlThatIsNotFcp() {
        rejects(() -> FcpIu.decode(RCtl.ELS_REQUEST, 0, new byte[32], 0, 32), "R_CTL '0x22'", "ELS_REQ", "not an FCP information unit");
        rejects(() -> FcpIu.decode(RCtl.BLS_ABTS, 0, new byte[0], 0, 0), "R_CTL '0x81'");
    }

    @Property(tries = 200)
    void everyIuComesBackFromItsFrame(@ForAll("ius") FcpIu iu) {
        byte[] frame = TestFrames.frame(header(iu), iu.encode());
        assertEquals(iu, FcpIu.fromFrame(frame, 0, frame.length));
    }

    @Test
    void fromFrameSkipsFillBytes() {
        FcpRsp rsp = FcpRsp.checkCondition(FcpRspTest.SENSE);
        byte[] frame = TestFrames.frame(header(rsp), rsp.encode());
        assertEquals(24 + 44, frame.length);
        assertEquals(rsp, FcpIu.fromFrame(frame, 0, frame.length));
    }

    @Test
    void fromFrameRejectsOtherTypesAndMalformedFrames() {
        FrameHeader els = FrameHeader.builder().rCtl(RCtl.ELS_REQUEST).dId(FcId.of(1)).sId(FcId.of(2)).type(FcType.ELS).build();
        byte[] frame = TestFrames.frame(els, new byte[16]);
        rejects(() -> FcpIu.fromFrame(frame, 0, frame.length), "frame TYPE '0x01'", "ELS, not FCP");
        rejects(() -> FcpIu.fromFrame(new byte[20], 0, 20), "shorter than the 24-byte header");
    }

    @Provide
    Arbitrary<FcpIu> ius() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 255).map(n -> FcpCmnd.builder().lunNumber(n).writeData(true)
                        .cdb((byte) ScsiOpcode.WRITE_10).dataLength(n * 512L).build()),
                Arbitraries.longs().between(0, 1 << 20).map(ro -> new FcpXferRdy(ro, 2048)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(2048).map(d -> new FcpData(d.length * 3L, d)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(FcpRsp::checkCondition),
                Arbitraries.just(FcpRsp.good()));
    }
}
