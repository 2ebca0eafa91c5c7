package org.fcredirect.fc.sll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.fcredirect.fc.FcFormatException;
import org.fcredirect.fc.Hex;
import org.fcredirect.fc.capture.CrcStatus;
import org.fcredirect.fc.capture.Eof;
import org.fcredirect.fc.capture.LinkFrame;
import org.fcredirect.fc.capture.LinkOptions;
import org.fcredirect.fc.capture.LinkTypeDecoder;
import org.fcredirect.fc.capture.LinkTypes;
import org.fcredirect.fc.capture.Sof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SllDecodersTest {
    /** FCP_CMND READ(10), LUN 5, from 01.01.00 to 01.02.00. */
    private static final byte[] FRAME = Hex.decode("060102000001010008290000000000001234ffff00000000"
            + "0005000000000000000000022800000010000000080000000000000000001000");
    /** The FCoE encapsulation of FRAME, as the fcoe link type writes it after the ethertype; tshark reads its CRC as good. */
    private static final String FCOE = "000000000000000000000000002e" + Hex.encode(FRAME, 0, FRAME.length) + "4220a321" + "42000000";

    private final LinkTypeDecoder sll = new SllDecoder();
    private final LinkTypeDecoder sll2 = new Sll2Decoder();

    private static void rejects(Executable decode, String problem) {
        FcFormatException e = assertThrowsExactly(FcFormatException.class, decode);
        assertTrue(e.getMessage().contains(problem), () -> "message does not say \"" + problem + "\": " + e.getMessage());
    }

    @Test
    void serviceLoaderFindsBothOnThePlainClassPath() {
        LinkTypes types = LinkTypes.load();
        assertInstanceOf(SllDecoder.class, types.byName("sll"));
        assertInstanceOf(Sll2Decoder.class, types.byName("sll2"));
        assertEquals("sll", types.byLinkType(113).name());
        assertEquals("sll2", types.byLinkType(276).name());
        assertTrue(types.rejected().isEmpty(), types.rejected()::toString);
    }

    @Test
    void sllHeaderLayout() {
        byte[] p = sll.encode(FRAME);
        assertEquals("0004" + "0001" + "0006" + "0efc00010100" + "0000" + "8906", Hex.encode(p, 0, 16));
        assertEquals(FCOE, Hex.encode(p, 16, p.length - 16));
    }

    @Test
    void sll2HeaderLayout() {
        byte[] p = sll2.encode(FRAME);
        assertEquals("8906" + "0000" + "00000001" + "0001" + "04" + "06" + "0efc00010100" + "0000", Hex.encode(p, 0, 20));
        assertEquals(FCOE, Hex.encode(p, 20, p.length - 20));
    }

    @Test
    void decodesAVectorByHand() {
        byte[] p = Hex.decode("0000" + "0001" + "0006" + "0efc00010200" + "0000" + "8906" + FCOE);
        LinkFrame f = sll.decodeStrict(p, 0, p.length);
        assertEquals(113, f.linkType());
        assertEquals(30, f.frameOffset());
        assertSame(Sof.SOF_I3, f.sof());
        assertSame(Eof.EOF_T, f.eof());
        assertEquals(CrcStatus.GOOD, f.crcStatus());
        assertEquals(0x1234, f.header(p).oxId());
    }

    @Test
    void carriesAVlanTag() {
        for (LinkTypeDecoder d : new LinkTypeDecoder[] {sll, sll2}) {
            byte[] p = d.encode(FRAME, 0, FRAME.length, LinkOptions.DEFAULT.withVlan(42));
            LinkFrame f = d.decodeStrict(p, 0, p.length);
            assertEquals(42, f.vlanId(), d.name());
            assertArrayEquals(FRAME, f.frame(p));
        }
    }

    @Test
    void rejectsMalformedPackets() {
        rejects(() -> sll.decode(new byte[15], 0, 15), "the cooked header alone needs 16");
        rejects(() -> sll2.decode(new byte[19], 0, 19), "the cooked header alone needs 20");
        byte[] ip = sll.encode(FRAME);
        ip[14] = 0x08;
        ip[15] = 0x00;
        rejects(() -> sll.decode(ip, 0, ip.length), "ethertype 0x0800 is not FCoE");
        byte[] reserved = sll2.encode(FRAME);
        reserved[3] = 1;
        rejects(() -> sll2.decode(reserved, 0, reserved.length), "reserved field 0x0001");
        byte[] sof = sll2.encode(FRAME);
        sof[20 + 13] = 0x77;
        rejects(() -> sll2.decode(sof, 0, sof.length), "FCoE SOF '0x77'");
        byte[] cut = Arrays.copyOf(sll.encode(FRAME), 16 + 40);
        rejects(() -> sll.decode(cut, 0, cut.length), "truncated: 40 bytes after the ethertype");
        rejects(() -> sll.encode(new byte[22]), "FC frame '22 bytes'");
    }

    @Test
    void aBadCrcIsReportedAndStrictDecodeRejectsIt() {
        byte[] p = sll.encode(FRAME);
        p[16 + 14 + 40] ^= 1;
        assertEquals(CrcStatus.BAD, sll.decode(p, 0, p.length).crcStatus());
        rejects(() -> sll.decodeStrict(p, 0, p.length), "does not match the computed");
    }

    @Property(tries = 300)
    void bothRoundTrip(@ForAll("frames") byte[] frame, @ForAll("options") LinkOptions options) {
        for (LinkTypeDecoder d : new LinkTypeDecoder[] {sll, sll2}) {
            byte[] p = d.encode(frame, 0, frame.length, options);
            LinkFrame f = d.decodeStrict(p, 0, p.length);
            assertArrayEquals(frame, f.frame(p));
            assertEquals(options.sof(), f.sof());
            assertEquals(options.eof(), f.eof());
            assertEquals(options.vlanId(), f.vlanId());
            assertEquals(d.linkType(), f.linkType());
        }
    }

    @Provide
    Arbitrary<byte[]> frames() {
        return Arbitraries.integers().between(6, 534).flatMap(words -> Arbitraries.bytes().array(byte[].class).ofSize(4 * words));
    }

    @Provide
    Arbitrary<LinkOptions> options() {
        return Combinators.combine(Arbitraries.of(Sof.class), Arbitraries.of(Eof.class),
                Arbitraries.oneOf(Arbitraries.just(LinkOptions.NO_VLAN), Arbitraries.integers().between(0, 4094)))
                .as(LinkOptions::new);
    }
}
