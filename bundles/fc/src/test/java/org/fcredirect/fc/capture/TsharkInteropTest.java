package org.fcredirect.fc.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fcredirect.fc.FCtl;
import org.fcredirect.fc.FcId;
import org.fcredirect.fc.FcType;
import org.fcredirect.fc.FrameHeader;
import org.fcredirect.fc.Hex;
import org.fcredirect.fc.RCtl;
import org.fcredirect.fc.fcp.FcpCmnd;
import org.fcredirect.fc.fcp.FcpData;
import org.fcredirect.fc.fcp.FcpIu;
import org.fcredirect.fc.fcp.FcpRsp;
import org.fcredirect.fc.fcp.FcpXferRdy;
import org.fcredirect.fc.fcp.ScsiOpcode;
import org.fcredirect.fc.testing.TestFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wireshark as the independent judge of the encoders: every kind of frame fc-redirect handles is
 * written for each built-in link type, and tshark must read back the same addresses, exchange,
 * R_CTL, TYPE, LUN and SCSI opcode, find nothing malformed, and find the CRC good where there is
 * one. Requires tshark on the PATH; it fails rather than skips without it.
 */
class TsharkInteropTest {
    private static final long TIMEOUT_SECONDS = 60;
    private static final FcId INITIATOR = FcId.of(0x010100);
    private static final FcId TARGET = FcId.of(0x020300);
    private static final String[] FIELDS = {"frame.number", "fc.s_id", "fc.d_id", "fc.ox_id", "fc.r_ctl", "fc.type",
        "fcp.lun", "scsi_sbc.opcode", "fc.crc.status", "fcoe.crc.status", "vlan.id"};
    private static final String CRC_GOOD = "1";
    private static final String CRC_BAD = "0";

    @TempDir
    Path dir;

    /** A frame as sent, with what tshark must report for LUN and opcode (empty when not an FCP_CMND). */
    private record Sent(byte[] frame, FrameHeader header, String lun, String opcode) {
    }

    private static FrameHeader.Builder header(boolean fromInitiator, int rCtl, int type, int oxId, int fCtl) {
        return FrameHeader.builder().rCtl(rCtl).type(type).oxId(oxId)
                .sId(fromInitiator ? INITIATOR : TARGET).dId(fromInitiator ? TARGET : INITIATOR)
                .rxId(fromInitiator && rCtl == RCtl.FCP_CMND ? 0xFFFF : 0x2000 + (oxId & 0xFF))
                .fCtl(fCtl | (fromInitiator ? 0 : FCtl.EXCHANGE_CONTEXT | FCtl.SEQUENCE_CONTEXT));
    }

    private static Sent fcp(boolean fromInitiator, int oxId, int fCtl, FcpIu iu, String lun, String opcode) {
        FrameHeader h = header(fromInitiator, iu.rCtl(), FcType.FCP, oxId,
                fCtl | (iu instanceof FcpData ? FCtl.RELATIVE_OFFSET : 0)).parameter(iu.parameter()).build();
        return new Sent(TestFrames.frame(h, iu.encode()), h, lun, opcode);
    }

    private static Sent other(boolean fromInitiator, int rCtl, int type, int oxId, String payloadHex) {
        FrameHeader h = header(fromInitiator, rCtl, type, oxId, FCtl.FIRST_SEQUENCE | FCtl.LAST_SEQUENCE
                | FCtl.END_SEQUENCE | FCtl.SEQUENCE_INITIATIVE).build();
        byte[] payload = payloadHex.isEmpty() ? new byte[0] : Hex.decode(payloadHex);
        return new Sent(TestFrames.frame(h, payload), h, "", "");
    }

    /** A read on LUN 5, a write on LUN 7 ending in CHECK CONDITION, an ELS LOGO and its LS_ACC, an ABTS and its BA_ACC. */
    private static List<Sent> traffic() {
        int first = FCtl.FIRST_SEQUENCE | FCtl.END_SEQUENCE | FCtl.SEQUENCE_INITIATIVE;
        int middle = FCtl.END_SEQUENCE | FCtl.SEQUENCE_INITIATIVE;
        int last = FCtl.LAST_SEQUENCE | FCtl.END_SEQUENCE;
        byte[] read10 = Hex.decode("28000000100000000800");
        byte[] write10 = Hex.decode("2a000000200000000100");
        byte[] sense = Hex.decode("700005000000000a0000000024000000000000");
        byte[] block = new byte[512];
        Arrays.fill(block, (byte) 0xA5);
        return List.of(
                fcp(true, 0x1001, first, FcpCmnd.builder().lunNumber(5).readData(true).dataLength(4096).cdb(read10).build(), "0x05", "0x28"),
                fcp(false, 0x1001, FCtl.FIRST_SEQUENCE | FCtl.END_SEQUENCE, new FcpData(0, block), "", ""),
                fcp(false, 0x1001, last, FcpRsp.good(), "", ""),
                fcp(true, 0x1002, first, FcpCmnd.builder().lunNumber(7).writeData(true).dataLength(512).cdb(write10).build(), "0x07", "0x2a"),
                fcp(false, 0x1002, middle, new FcpXferRdy(0, 512), "", ""),
                fcp(true, 0x1002, middle, new FcpData(0, block), "", ""),
                fcp(false, 0x1002, last, FcpRsp.checkCondition(sense), "", ""),
                other(true, RCtl.ELS_REQUEST, FcType.ELS, 0x1003, "05000000" + "00010100" + "2100002500000001"),
                other(false, RCtl.ELS_REPLY, FcType.ELS, 0x1003, "02000000"),
                other(true, RCtl.BLS_ABTS, FcType.BLS, 0x1004, ""),
                other(false, RCtl.BLS_BA_ACC, FcType.BLS, 0x1004, "00000000" + "1004" + "2004" + "0000" + "ffff"));
    }

    @Test
    void fc2() throws Exception {
        check("fc2", LinkOptions.DEFAULT, "");
    }

    @Test
    void fc2WithDelimiters() throws Exception {
        check("fc2-delim", LinkOptions.DEFAULT, CRC_GOOD);
    }

    @Test
    void fc2WithOtherDelimiters() throws Exception {
        check("fc2-delim", LinkOptions.DEFAULT.withDelimiters(Sof.SOF_N3, Eof.EOF_N), CRC_GOOD);
    }

    @Test
    void fcoe() throws Exception {
        check("fcoe", LinkOptions.DEFAULT, CRC_GOOD);
    }

    @Test
    void fcoeInAVlan() throws Exception {
        check("fcoe", LinkOptions.DEFAULT.withVlan(100), CRC_GOOD);
    }

    /** The control: a damaged frame is bad to tshark too, so a good status above means something. */
    @Test
    void aCorruptedCrcIsBadToTsharkToo() throws Exception {
        for (String name : List.of("fc2-delim", "fcoe")) {
            LinkTypeDecoder d = LinkTypes.builtIn().byName(name);
            byte[] packet = d.encode(traffic().get(0).frame());
            packet[d.decode(packet, 0, packet.length).frameOffset() + 30] ^= 0x40;
            Path file = write(name + "-bad", d, List.of(packet));
            List<String[]> rows = fields(file);
            assertEquals(CRC_BAD, rows.get(0)[name.equals("fcoe") ? 9 : 8], name);
        }
    }

    private void check(String linkName, LinkOptions options, String expectedCrc) throws Exception {
        LinkTypeDecoder decoder = LinkTypes.builtIn().byName(linkName);
        List<Sent> traffic = traffic();
        List<byte[]> packets = new ArrayList<>();
        for (Sent s : traffic) {
            packets.add(decoder.encode(s.frame(), 0, s.frame().length, options));
        }
        Path file = write(linkName, decoder, packets);

        try (CaptureReader reader = CaptureReader.open(file)) {
            for (Sent s : traffic) {
                byte[] p = reader.next().data();
                assertArrayEquals(s.frame(), decoder.decodeStrict(p, 0, p.length).frame(p));
            }
            assertNull(reader.next());
        }

        List<String[]> rows = fields(file);
        assertEquals(traffic.size(), rows.size(), "one line per frame");
        for (int i = 0; i < traffic.size(); i++) {
            Sent s = traffic.get(i);
            String[] row = rows.get(i);
            String at = linkName + " frame " + (i + 1) + " (" + RCtl.name(s.header().rCtl()) + ")";
            assertEquals(s.header().sId().dotted(), row[1], at + ": S_ID");
            assertEquals(s.header().dId().dotted(), row[2], at + ": D_ID");
            assertEquals(String.format("0x%04x", s.header().oxId()), row[3], at + ": OX_ID");
            assertEquals(String.format("0x%02x", s.header().rCtl()), row[4], at + ": R_CTL");
            assertEquals(String.format("0x%02x", s.header().type()), row[5], at + ": TYPE");
            if (!s.lun().isEmpty()) {
                assertEquals(s.lun(), row[6], at + ": LUN");
                assertEquals(s.opcode(), row[7], at + ": SCSI opcode " + ScsiOpcode.name(Integer.decode(s.opcode())));
            }
            assertEquals(linkName.equals("fc2-delim") ? expectedCrc : "", row[8], at + ": fc.crc.status");
            assertEquals(linkName.equals("fcoe") ? expectedCrc : "", row[9], at + ": fcoe.crc.status");
            assertEquals(options.hasVlan() ? Integer.toString(options.vlanId()) : "", row[10], at + ": VLAN");
        }
        assertEquals("", tshark("-r", file.toString(), "-Y", "_ws.malformed || _ws.expert.severity >= \"error\""),
                linkName + ": tshark lists malformed frames or errors");
    }

    private Path write(String name, LinkTypeDecoder decoder, List<byte[]> packets) throws IOException {
        Path file = dir.resolve(name + ".pcap");
        try (PcapWriter w = PcapWriter.create(file, decoder.linkType(), TimestampResolution.MICROSECONDS)) {
            Instant t = Instant.parse("2024-05-01T12:00:00Z");
            for (byte[] p : packets) {
                w.write(t, p);
                t = t.plusMillis(1);
            }
        }
        return file;
    }

    private List<String[]> fields(Path file) throws Exception {
        List<String> args = new ArrayList<>(List.of("-r", file.toString(), "-T", "fields", "-E", "separator=/t",
                "-E", "occurrence=f"));
        for (String f : FIELDS) {
            args.add("-e");
            args.add(f);
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : tshark(args.toArray(String[]::new)).split("\n")) {
            if (!line.isEmpty()) {
                rows.add(Arrays.copyOf(line.split("\t", -1), FIELDS.length));
            }
        }
        return rows;
    }

    /** Runs tshark, output through files so that a stuck tshark cannot block the test past its timeout. */
    private String tshark(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(findTshark());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "tshark", ".out");
        Path err = Files.createTempFile(dir, "tshark", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("tshark did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        if (p.exitValue() != 0) {
            fail("tshark exited with " + p.exitValue() + ": " + command + "\n" + Files.readString(err, StandardCharsets.UTF_8));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String findTshark() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(d, "tshark");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("tshark is not on the PATH, and this interop test needs it. Install it with "
                + "'DEBIAN_FRONTEND=noninteractive apt-get install -y tshark' (after apt-get update), "
                + "or run 'bash .ci/run', which installs it.");
    }
}
