package org.fcredirect.shell.fc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fcredirect.fc.FCtl;
import org.fcredirect.fc.FcFormatException;
import org.fcredirect.fc.FcId;
import org.fcredirect.fc.FcType;
import org.fcredirect.fc.FrameHeader;
import org.fcredirect.fc.FrameView;
import org.fcredirect.fc.Hex;
import org.fcredirect.fc.RCtl;
import org.fcredirect.fc.capture.LinkFrame;
import org.fcredirect.fc.capture.LinkTypeDecoder;
import org.fcredirect.fc.fcp.FcpCmnd;
import org.fcredirect.fc.fcp.FcpData;
import org.fcredirect.fc.fcp.FcpIu;
import org.fcredirect.fc.fcp.FcpRsp;
import org.fcredirect.fc.fcp.FcpXferRdy;
import org.fcredirect.fc.fcp.Lun;
import org.fcredirect.fc.fcp.ScsiOpcode;
import org.fcredirect.fc.fcp.ScsiStatus;

/**
 * The fields of one captured frame, by section (link, header, FCP): the model behind both the
 * table and the JSON output of {@code fcr:decode}.
 */
final class FrameDescription {

    /** One field: its JSON key and value, and how the table shows it (null: JSON only). */
    record Field(String section, String key, Object json, String display) {
    }

    private final List<Field> fields = new ArrayList<>();

    private FrameDescription() {
    }

    /**
     * Decodes {@code packet} with {@code decoder}: link layer, header, and the FCP IU when the
     * frame is FCP.
     *
     * @throws FcFormatException when any layer is malformed
     */
    static FrameDescription decode(LinkTypeDecoder decoder, byte[] packet) {
        FrameDescription d = new FrameDescription();
        LinkFrame link = decoder.decode(packet, 0, packet.length);
        d.link(decoder, link);
        FrameView view = new FrameView().wrap(packet, link.frameOffset(), link.frameLength());
        int check = view.check();
        if (check != FrameView.OK) {
            throw FcFormatException.of("frame", Hex.encode(packet, link.frameOffset(), link.frameLength()),
                    FrameView.describeCheck(check));
        }
        d.header(link.header(packet), view);
        if (view.type() == FcType.FCP && isFcpIu(view.rCtl())) {
            d.fcp(FcpIu.fromFrame(packet, link.frameOffset(), link.frameLength()));
        }
        return d;
    }

    private static boolean isFcpIu(int rCtl) {
        return rCtl == RCtl.FCP_CMND || rCtl == RCtl.FCP_XFER_RDY || rCtl == RCtl.FCP_DATA || rCtl == RCtl.FCP_RSP;
    }

    List<Field> fields() {
        return fields;
    }

    /** Sections in order, each a map of key to JSON value. */
    Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : fields) {
            @SuppressWarnings("unchecked")
            Map<String, Object> section = (Map<String, Object>) out.computeIfAbsent(f.section(), s -> new LinkedHashMap<>());
            section.put(f.key(), f.json());
        }
        return out;
    }

    private void link(LinkTypeDecoder decoder, LinkFrame link) {
        add("link", "type", decoder.name(), decoder.name() + " (" + decoder.linkType() + ")");
        add("link", "link_type", decoder.linkType(), null);
        if (link.sof() != null) {
            add("link", "sof", link.sof().label(), link.sof().label());
        }
        if (link.eof() != null) {
            add("link", "eof", link.eof().label(), link.eof().label());
        }
        add("link", "crc", link.crcStatus().name().toLowerCase(), crcDisplay(link));
        if (link.hasVlan()) {
            add("link", "vlan", link.vlanId(), Integer.toString(link.vlanId()));
        }
    }

    private static String crcDisplay(LinkFrame link) {
        switch (link.crcStatus()) {
            case GOOD:
                return String.format("good (0x%08x)", link.crc());
            case BAD:
                return String.format("BAD: 0x%08x, computed 0x%08x", link.crc(), link.computedCrc());
            default:
                return "not carried";
        }
    }

    private void header(FrameHeader h, FrameView view) {
        code("R_CTL", "r_ctl", h.rCtl(), RCtl.name(h.rCtl()));
        fcid("D_ID", "d_id", h.dId());
        code("CS_CTL", "cs_ctl", h.csCtl(), null);
        fcid("S_ID", "s_id", h.sId());
        code("TYPE", "type", h.type(), FcType.name(h.type()));
        add("header", "f_ctl", String.format("0x%06x", h.fCtl()),
                String.format("0x%06x  %s", h.fCtl(), FCtl.describe(h.fCtl())));
        add("header", "f_ctl_flags", FCtl.describe(h.fCtl()), null);
        code("SEQ_ID", "seq_id", h.seqId(), null);
        code("DF_CTL", "df_ctl", h.dfCtl(), null);
        add("header", "seq_cnt", h.seqCnt(), Integer.toString(h.seqCnt()));
        add("header", "ox_id", String.format("0x%04x", h.oxId()), String.format("0x%04x", h.oxId()));
        add("header", "rx_id", String.format("0x%04x", h.rxId()), String.format("0x%04x", h.rxId()));
        add("header", "parameter", String.format("0x%08x", h.parameter()), String.format("0x%08x", h.parameter()));
        add("header", "payload_length", view.payloadLength(), view.payloadLength() + " bytes");
    }

    private void code(String label, String key, int value, String name) {
        add("header", key, value, String.format("0x%02x", value) + (name == null ? "" : "  " + name));
        if (name != null) {
            add("header", key + "_name", name, null);
        }
    }

    private void fcid(String label, String key, FcId id) {
        add("header", key, id.toString(), id + "  " + id.dotted());
    }

    private void fcp(FcpIu iu) {
        if (iu instanceof FcpCmnd) {
            cmnd((FcpCmnd) iu);
        } else if (iu instanceof FcpXferRdy) {
            FcpXferRdy x = (FcpXferRdy) iu;
            add("fcp", "iu", "XFER_RDY", "XFER_RDY");
            add("fcp", "relative_offset", x.relativeOffset(), Long.toString(x.relativeOffset()));
            add("fcp", "burst_length", x.burstLength(), x.burstLength() + " bytes");
        } else if (iu instanceof FcpData) {
            FcpData data = (FcpData) iu;
            add("fcp", "iu", "FCP_DATA", "FCP_DATA");
            add("fcp", "relative_offset", data.relativeOffset(), Long.toString(data.relativeOffset()));
            add("fcp", "data_length", data.length(), data.length() + " bytes");
        } else {
            rsp((FcpRsp) iu);
        }
    }

    private void cmnd(FcpCmnd c) {
        add("fcp", "iu", "FCP_CMND", c.isTaskManagement() ? "FCP_CMND (task management)" : "FCP_CMND");
        add("fcp", "fcp_lun", Lun.format(c.lun()), Lun.format(c.lun()) + lunNumber(c.lun()));
        add("fcp", "task_attribute", c.taskAttribute().name(), c.taskAttribute().name());
        if (c.isTaskManagement()) {
            add("fcp", "task_management_flags", c.taskManagementFlags(), String.format("0x%02x", c.taskManagementFlags()));
        }
        String direction = c.readData() && c.writeData() ? "bidirectional"
                : c.readData() ? "read" : c.writeData() ? "write" : "none";
        add("fcp", "data_direction", direction, direction);
        add("fcp", "scsi_opcode", c.scsiOpcode(), String.format("0x%02x  %s", c.scsiOpcode(), ScsiOpcode.name(c.scsiOpcode())));
        add("fcp", "scsi_opcode_name", ScsiOpcode.name(c.scsiOpcode()), null);
        add("fcp", "cdb", Hex.encode(c.cdb(), 0, c.cdb().length), Hex.encode(c.cdb(), 0, c.cdb().length));
        add("fcp", "fcp_dl", c.dataLength(), c.dataLength() + " bytes");
    }

    private static String lunNumber(long lun) {
        try {
            return "  (LUN " + Lun.number(lun) + ")";
        } catch (FcFormatException e) {
            return "";
        }
    }

    private void rsp(FcpRsp r) {
        add("fcp", "iu", "FCP_RSP", "FCP_RSP");
        add("fcp", "scsi_status", r.scsiStatus(), String.format("0x%02x  %s", r.scsiStatus(), ScsiStatus.name(r.scsiStatus())));
        add("fcp", "scsi_status_name", ScsiStatus.name(r.scsiStatus()), null);
        add("fcp", "flags", String.format("0x%02x", r.flags()), String.format("0x%02x", r.flags()));
        if (r.hasFlag(FcpRsp.RESID_UNDER) || r.hasFlag(FcpRsp.RESID_OVER)) {
            String kind = r.hasFlag(FcpRsp.RESID_UNDER) ? "under" : "over";
            add("fcp", "residual", r.residual(), r.residual() + " bytes " + kind);
        }
        if (r.hasFlag(FcpRsp.RSP_LEN_VALID)) {
            add("fcp", "rsp_code", r.rspCode(), String.format("0x%02x", r.rspCode()));
        }
        if (r.senseData().length > 0) {
            add("fcp", "sense", Hex.encode(r.senseData(), 0, r.senseData().length), Hex.encode(r.senseData(), 0, r.senseData().length));
        }
    }

    private void add(String section, String key, Object json, String display) {
        fields.add(new Field(section, key, json, display));
    }
}
