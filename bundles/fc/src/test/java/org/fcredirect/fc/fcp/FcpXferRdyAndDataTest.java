package org.fcredirect.fc.fcp;

import static org.fcredirect.fc.testing.Malformed.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.fcredirect.fc.Hex;
import org.fcredirect.fc.RCtl;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class FcpXferRdyAndDataTest {

    @Test
    void xferRdyLayout() {
        FcpXferRdy x = new FcpXferRdy(0x1000, 0xFFFF_FFFFL);
        assertEquals("00001000ffffffff00000000", Hex.encode(x.encode(), 0, 12));
        assertEquals(RCtl.FCP_XFER_RDY, x.rCtl());
    }

    @Property(tries = 200)
    void xferRdyRoundTrips(@ForAll @LongRange(max = 0xFFFF_FFFFL) long ro, @ForAll @LongRange(max = 0xFFFF_FFFFL) long burst) {
        FcpXferRdy x = new FcpXferRdy(ro, burst);
        byte[] iu = x.encode();
        assertEquals(x, FcpXferRdy.decode(iu, 0, iu.length));
    }

    @Test
    void xferRdyRejectsWrongLengthAndReservedBytes() {
        rejects(() -> FcpXferRdy.decode(new byte[8], 0, 8), "FCP_XFER_RDY", "8 bytes, expected 12");
        rejects(() -> FcpXferRdy.decode(new byte[16], 0, 16), "16 bytes, expected 12");
        byte[] iu = new byte[12];
        iu[10] = 1;
        rejects(() -> FcpXferRdy.decode(iu, 0, 12), "reserved bytes 8..11 are not zero");
        rejects(() -> new FcpXferRdy(-1, 0), "FCP_DATA_RO '-1'");
    }

    @Property(tries = 200)
    void dataRoundTripsWithTheRelativeOffsetInThePARAMETER(@ForAll @Size(max = 2112) byte[] data, @ForAll int parameter) {
        FcpData d = FcpData.decode(parameter, data, 0, data.length);
        assertEquals(Integer.toUnsignedLong(parameter), d.relativeOffset());
        assertEquals(parameter, d.parameter());
        assertArrayEquals(data, d.encode());
        assertEquals(d, new FcpData(d.relativeOffset(), data));
    }

    @Test
    void dataIsCopied() {
        byte[] data = {1, 2, 3};
        FcpData d = new FcpData(0, data);
        data[0] = 9;
        d.data()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, d.encode());
    }

    @Test
    void dataRejectsMoreThanOneFrameHolds() {
        rejects(() -> FcpData.decode(0, new byte[2113], 0, 2113), "FCP_DATA", "2113 bytes exceed the 2112-byte data field");
        rejects(() -> new FcpData(0, new byte[2113]), "2113 bytes");
    }
}
