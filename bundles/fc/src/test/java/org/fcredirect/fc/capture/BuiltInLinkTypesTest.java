package org.fcredirect.fc.capture;

import static org.fcredirect.fc.testing.Malformed.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.FrameHeader;
import org.fcredirect.fc.Hex;
import org.fcredirect.fc.fcp.FcpCmnd;
import org.fcredirect.fc.fcp.FcpIu;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fc2, fc2-delim and fcoe link types, against vectors whose CRC tshark 4.0 reports good. */
class BuiltInLinkTypesTest {
    static final String FRAME = "060102000001010008290000000000001234ffff00000000"
            + "0005000000000000000000022800000010000000080000000000000000001000";
    static final String DELIMITED = "bcb55656" + FRAME + "4220a321" + "bcb57575";
    static final String FCOE = "0efc00010200" + "0efc00010100" + "8906" + "000000000000000000000000002e" + FRAME
            + "4220a321" + "42000000";

    private final LinkTypes types = LinkTypes.builtIn();
    private final LinkTypeDecoder fc2 = types.byName("fc2");
    private final LinkTypeDecoder delim = types.byName("fc2-delim");
    private final LinkTypeDecoder fcoe = types.byName("fcoe");

    @Test
    void fc2PacketIsTheFrame() {
        byte[] p = Hex.decode(FRAME);
        LinkFrame f = fc2.decode(p, 0, p.length);
        assertEquals(LinkFrame.bare(224, 0, 56), f);
        assertNull(f.sof());
        assertEquals(CrcStatus.ABSENT, f.crcStatus());
        assertArrayEquals(p, fc2.encode(p));
    }

    @Test
    void delimitedVectorDecodes() {
        byte[] p = Hex.decode(DELIMITED);
        LinkFrame f = delim.decodeStrict(p, 0, p.length);
        assertEquals(4, f.frameOffset());
        assertEquals(56, f.frameLength());
        assertSame(Sof.SOF_I3, f.sof());
        assertSame(Eof.EOF_T, f.eof());
        assertEquals(CrcStatus.GOOD, f.crcStatus());
        assertEquals(0x21a32042, f.crc());
        assertEquals(FcId.of(0x010200), f.header(p).dId());
    }

    @Test
    void fcoeVectorDecodesDownToTheScsiCommand() {
        byte[] p = Hex.decode(FCOE);
        LinkFrame f = fcoe.decodeStrict(p, 0, p.length);
        assertEquals(28, f.frameOffset());
        assertSame(Sof.SOF_I3, f.sof());
        assertSame(Eof.EOF_T, f.eof());
        assertEquals(LinkOptions.NO_VLAN, f.vlanId());
        FrameHeader h = f.header(p);
        assertEquals(0x1234, h.oxId());
        FcpCmnd cmd = (FcpCmnd) FcpIu.fromFrame(p, f.frameOffset(), f.frameLength());
        assertEquals(5, cmd.lunNumber());
        assertEquals(0x28, cmd.scsiOpcode());
    }

    @Test
    void encodersReproduceTheVectors() {
        byte[] frame = Hex.decode(FRAME);
        assertEquals(FCOE, Hex.encode(fcoe.encode(frame), 0, FCOE.length() / 2));
        byte[] d = delim.encode(frame);
        assertEquals(DELIMITED.substring(0, DELIMITED.length() - 8), Hex.encode(d, 0, d.length - 4));
        assertEquals(Eof.EOF_T, Eof.ofOrderedSet(Frames.u32(d, d.length - 4)));
    }

    @Test
    void aVlanTagIsReportedAndEncoded() {
        byte[] frame = Hex.decode(FRAME);
        byte[] p = fcoe.encode(frame, 0, frame.length, LinkOptions.DEFAULT.withVlan(100));
        assertEquals(0x8100, Frames.u16(p, 12));
        assertEquals(3 << 13 | 100, Frames.u16(p, 14));
        assertEquals(0x8906, Frames.u16(p, 16));
        LinkFrame f = fcoe.decodeStrict(p, 0, p.length);
        assertEquals(100, f.vlanId());
        assertTrue(f.hasVlan());
        assertArrayEquals(frame, f.frame(p));
    }

    @Test
    void aBadCrcIsReportedAndRejectedByTheStrictDecode() {
        for (LinkTypeDecoder d : new LinkTypeDecoder[] {delim, fcoe}) {
            byte[] p = d.encode(Hex.decode(FRAME));
            int frameOff = d.decode(p, 0, p.length).frameOffset();
            p[frameOff + 16] ^= 1;
            LinkFrame f = d.decode(p, 0, p.length);
            assertEquals(CrcStatus.BAD, f.crcStatus());
            assertEquals(0x1334, f.header(p).oxId());
            rejects(() -> d.decodeStrict(p, 0, p.length), "frame CRC '0x21a32042'", "does not match the computed");
        }
    }

    @Test
    void truncationsAreRejected() {
        rejects(() -> fc2.decode(new byte[20], 0, 20), "fc2 packet", "truncated", "the header alone needs 24");
        rejects(() -> delim.decode(new byte[8], 0, 8), "fc2-delim packet", "truncated: 8 bytes", "SOF, CRC and EOF");
        rejects(() -> delim.decode(new byte[30], 0, 30), "truncated: the FC frame has 18 bytes");
        rejects(() -> fcoe.decode(new byte[10], 0, 10), "fcoe packet", "the Ethernet header alone needs 14");
        byte[] p = Hex.decode(FCOE);
        rejects(() -> fcoe.decode(p, 0, 50), "truncated: 36 bytes after the ethertype");
        byte[] vlan = fcoe.encode(Hex.decode(FRAME), 0, 56, LinkOptions.DEFAULT.withVlan(5));
        rejects(() -> fcoe.decode(vlan, 0, 16), "truncated inside the 802.1Q tag");
    }

    @Test
    void frameLengthsMustBeWholeWords() {
        rejects(() -> fc2.decode(new byte[26], 0, 26), "FC frame of 26 bytes is not a whole number of 4-byte words");
        byte[] p = Arrays.copyOf(Hex.decode(FCOE), FCOE.length() / 2 + 2);
        rejects(() -> fcoe.decode(p, 0, p.length), "not a whole number of 4-byte words");
        rejects(() -> fc2.decode(new byte[2140], 0, 2140), "2140 bytes exceeds the maximum 2136");
        rejects(() -> fc2.encode(new byte[30]), "FC frame", "not a whole number");
    }

    @Test
    void badDelimitersAreRejected() {
        byte[] sof = Hex.decode(DELIMITED);
        sof[2] = 0x57;
        rejects(() -> delim.decode(sof, 0, sof.length), "SOF ordered set '0xbcb55756'", "not a known SOF");
        byte[] eof = Hex.decode(DELIMITED);
        eof[eof.length - 2] = 0x74;
        rejects(() -> delim.decode(eof, 0, eof.length), "EOF ordered set '0xbcb57475'", "not a known EOF");
        byte[] fcoeSof = Hex.decode(FCOE);
        fcoeSof[27] = 0x30;
        rejects(() -> fcoe.decode(fcoeSof, 0, fcoeSof.length), "FCoE SOF '0x30'", "not a known SOF code");
        byte[] fcoeEof = Hex.decode(FCOE);
        fcoeEof[fcoeEof.length - 4] = 0x43;
        rejects(() -> fcoe.decode(fcoeEof, 0, fcoeEof.length), "FCoE EOF '0x43'");
    }

    @Test
    void otherEthertypesAndBadFcoeHeadersAreRejected() {
        byte[] ip = Hex.decode(FCOE);
        ip[12] = 0x08;
        ip[13] = 0x00;
        rejects(() -> fcoe.decode(ip, 0, ip.length), "fcoe packet", "ethertype 0x0800 is not FCoE (0x8906)");
        byte[] fip = fcoe.encode(Hex.decode(FRAME), 0, 56, LinkOptions.DEFAULT.withVlan(7));
        fip[17] = 0x14;
        rejects(() -> fcoe.decode(fip, 0, fip.length), "ethertype 0x8914 is not FCoE");
        byte[] version = Hex.decode(FCOE);
        version[14] = 0x10;
        rejects(() -> fcoe.decode(version, 0, version.length), "FCoE version 1, only version 0");
        byte[] reserved = Hex.decode(FCOE);
        reserved[15] = 1;
        rejects(() -> fcoe.decode(reserved, 0, reserved.length), "reserved bytes of the FCoE header");
        byte[] trailer = Hex.decode(FCOE);
        trailer[trailer.length - 1] = 1;
        rejects(() -> fcoe.decode(trailer, 0, trailer.length), "reserved bytes after the FCoE EOF");
    }

    @Test
    void vlanOnlyWhereFcoeCanCarryIt() {
        byte[] frame = Hex.decode(FRAME);
        LinkOptions vlan = LinkOptions.DEFAULT.withVlan(10);
        rejects(() -> fc2.encode(frame, 0, frame.length, vlan), "VLAN 10", "fc2 cannot carry a VLAN tag");
        rejects(() -> delim.encode(frame, 0, frame.length, vlan), "fc2-delim cannot carry");
        rejects(() -> LinkOptions.DEFAULT.withVlan(4095), "VLAN id '4095'");
    }

    @Test
    void decodesAtAnOffsetWithinALargerBuffer() {
        byte[] p = Hex.decode("abcdef" + FCOE + "99");
        LinkFrame f = fcoe.decode(p, 3, FCOE.length() / 2);
        assertEquals(3 + 28, f.frameOffset());
        assertEquals(CrcStatus.GOOD, f.crcStatus());
    }

    @Property(tries = 300)
    void everyLinkTypeRoundTrips(@ForAll("frames") byte[] frame, @ForAll("options") LinkOptions options) {
        for (LinkTypeDecoder d : types.decoders()) {
            LinkOptions o = d == fcoe ? options : options.withVlan(LinkOptions.NO_VLAN);
            byte[] p = d.encode(frame, 0, frame.length, o);
            LinkFrame f = d.decodeStrict(p, 0, p.length);
            assertArrayEquals(frame, f.frame(p), d.name());
            assertEquals(d.linkType(), f.linkType());
            if (d != fc2) {
                assertEquals(o.sof(), f.sof());
                assertEquals(o.eof(), f.eof());
            }
            assertEquals(d == fcoe ? o.vlanId() : LinkOptions.NO_VLAN, f.vlanId());
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
