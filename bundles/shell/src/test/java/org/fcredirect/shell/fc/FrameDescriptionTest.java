package org.fcredirect.shell.fc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.fcredirect.fc.FCtl;
import org.fcredirect.fc.FcFormatException;
import org.fcredirect.fc.FcId;
import org.fcredirect.fc.FcType;
import org.fcredirect.fc.FrameHeader;
import org.fcredirect.fc.Hex;
import org.fcredirect.fc.RCtl;
import org.fcredirect.fc.capture.LinkTypes;
import org.fcredirect.fc.fcp.FcpCmnd;
import org.fcredirect.fc.fcp.FcpRsp;
import org.fcredirect.fc.fcp.ScsiOpcode;
import org.fcredirect.fc.fcp.TaskAttribute;
import org.fcredirect.json.Json;
import org.junit.jupiter.api.Test;

class FrameDescriptionTest {
    private static final LinkTypes LINKS = LinkTypes.builtIn();

    static byte[] read10Frame() {
        FcpCmnd cmnd = FcpCmnd.builder().lunNumber(5).taskAttribute(TaskAttribute.SIMPLE).readData(true)
                .cdb(new byte[] {ScsiOpcode.READ_10, 0, 0, 0, 0x10, 0, 0, 0, 8, 0}).dataLength(4096).build();
        FrameHeader h = FrameHeader.builder().rCtl(RCtl.FCP_CMND).dId(FcId.parse("01.02.00")).sId(FcId.parse("01.01.00"))
                .type(FcType.FCP).fCtl(FCtl.FIRST_SEQUENCE | FCtl.END_SEQUENCE | FCtl.SEQUENCE_INITIATIVE)
                .oxId(0x1234).build();
        return concat(h.toBytes(), cmnd.encode());
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void describesHeaderAndFcpCommandOfABareFrame() {
        Map<String, Object> json = FrameDescription.decode(LINKS.byName("fc2"), read10Frame()).toJson();
        Map<?, ?> header = (Map<?, ?>) json.get("header");
        Map<?, ?> fcp = (Map<?, ?>) json.get("fcp");
        assertEquals("0x010200", header.get("d_id"));
        assertEquals("0x010100", header.get("s_id"));
        assertEquals(6, header.get("r_ctl"));
        assertEquals("FCP_CMND", header.get("r_ctl_name"));
        assertEquals("0x1234", header.get("ox_id"));
        assertEquals(0x28, fcp.get("scsi_opcode"));
        assertEquals("read", fcp.get("data_direction"));
        assertEquals(4096L, fcp.get("fcp_dl"));
        assertEquals("0005-0000-0000-0000", fcp.get("fcp_lun"));
        assertEquals("absent", ((Map<?, ?>) json.get("link")).get("crc"));
    }

    @Test
    void describesAnFcoeFrameWithItsDelimitersAndCrc() {
        byte[] packet = LINKS.byName("fcoe").encode(read10Frame());
        FrameDescription d = FrameDescription.decode(LINKS.byName("fcoe"), packet);
        Map<?, ?> link = (Map<?, ?>) d.toJson().get("link");
        assertEquals("good", link.get("crc"));
        assertEquals("SOFi3", link.get("sof"));
        assertEquals("0x010200", ((Map<?, ?>) d.toJson().get("header")).get("d_id"));
    }

    @Test
    void showsABadCrcInsteadOfHidingTheFrame() {
        byte[] packet = LINKS.byName("fcoe").encode(read10Frame());
        packet[14 + 14 + 30] ^= 0x01;
        Map<?, ?> link = (Map<?, ?>) FrameDescription.decode(LINKS.byName("fcoe"), packet).toJson().get("link");
        assertEquals("bad", link.get("crc"));
    }

    @Test
    void describesAResponseWithSense() {
        FcpRsp rsp = FcpRsp.checkCondition(new byte[] {0x70, 0, 0x05, 0, 0, 0, 0, 0x0A});
        FrameHeader h = FrameHeader.builder().rCtl(RCtl.FCP_RSP).dId(FcId.of(0x010100)).sId(FcId.of(0x010200))
                .type(FcType.FCP).fCtl(FCtl.EXCHANGE_CONTEXT | FCtl.LAST_SEQUENCE | FCtl.END_SEQUENCE).oxId(7).rxId(9).build();
        Map<?, ?> fcp = (Map<?, ?>) FrameDescription.decode(LINKS.byName("fc2"), concat(h.toBytes(), rsp.encode()))
                .toJson().get("fcp");
        assertEquals("CHECK CONDITION", fcp.get("scsi_status_name"));
        assertEquals("70000500000000 0a".replace(" ", ""), fcp.get("sense"));
    }

    @Test
    void aNonFcpFrameHasNoFcpSection() {
        FrameHeader els = FrameHeader.builder().rCtl(RCtl.ELS_REQUEST).dId(FcId.NAME_SERVER).sId(FcId.of(0x010100))
                .type(FcType.ELS).build();
        Map<String, Object> json = FrameDescription.decode(LINKS.byName("fc2"), concat(els.toBytes(), new byte[8])).toJson();
        assertFalse(json.containsKey("fcp"));
        assertEquals("ELS", ((Map<?, ?>) json.get("header")).get("type_name"));
    }

    @Test
    void tableShowsEachSectionOnceWithReadableValues() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DecodeCommand.table(FrameDescription.decode(LINKS.byName("fc2"), read10Frame()))
                .print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("0x010200  01.02.00"), out);
        assertTrue(out.contains("FCP_CMND"), out);
        assertTrue(out.contains("READ(10)") || out.contains("READ_10") || out.contains("READ 10"), out);
        assertEquals(1, out.split("header", -1).length - 1, out);
    }

    @Test
    void rejectsATruncatedFrameNamingTheProblem() {
        byte[] shortFrame = Arrays.copyOf(read10Frame(), 20);
        FcFormatException e = assertThrows(FcFormatException.class,
                () -> FrameDescription.decode(LINKS.byName("fc2"), shortFrame));
        assertTrue(e.getMessage().contains("24"), e.getMessage());
    }

    @Test
    void rejectsAnFcpCommandTooShortForItsIu() {
        byte[] frame = Arrays.copyOf(read10Frame(), 24 + 16);
        FcFormatException e = assertThrows(FcFormatException.class,
                () -> FrameDescription.decode(LINKS.byName("fc2"), frame));
        assertTrue(e.getMessage().contains("FCP_CMND"), e.getMessage());
    }

    @Test
    void rejectsAnEthernetFrameThatIsNotFcoe() {
        byte[] packet = LINKS.byName("fcoe").encode(read10Frame());
        packet[12] = 0x08;
        packet[13] = 0x00;
        FcFormatException e = assertThrows(FcFormatException.class,
                () -> FrameDescription.decode(LINKS.byName("fcoe"), packet));
        assertTrue(e.getMessage().toLowerCase().contains("ethertype"), e.getMessage());
    }

    @Test
    void jsonOutputIsOneParsableObject() {
        String json = Json.write(FrameDescription.decode(LINKS.byName("fc2"), read10Frame()).toJson());
        assertTrue(json.startsWith("{\"link\":{") && json.endsWith("}}"), json);
        assertTrue(json.contains("\"cdb\":\"" + Hex.encode(read10Frame(), 36, 16) + "\""), json);
    }
}
