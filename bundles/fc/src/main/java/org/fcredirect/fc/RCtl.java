package org.fcredirect.fc;

/**
 * R_CTL values (routing in the high nibble, information category in the low one) that
 * fc-redirect produces or recognises.
 */
public final class RCtl {
    private RCtl() {
    }

    /** FC-4 device data, solicited data: FCP_DATA. */
    public static final int FC4_SOLICITED_DATA = 0x01;
    /** FC-4 device data, unsolicited control: e.g. FC-CT requests. */
    public static final int FC4_UNSOLICITED_CONTROL = 0x02;
    public static final int FC4_SOLICITED_CONTROL = 0x03;
    /** FC-4 device data, data descriptor: FCP XFER_RDY. */
    public static final int FC4_DATA_DESCRIPTOR = 0x05;
    /** FC-4 device data, unsolicited command: FCP_CMND. */
    public static final int FC4_UNSOLICITED_COMMAND = 0x06;
    /** FC-4 device data, command status: FCP_RSP. */
    public static final int FC4_COMMAND_STATUS = 0x07;

    public static final int FCP_DATA = FC4_SOLICITED_DATA;
    public static final int FCP_XFER_RDY = FC4_DATA_DESCRIPTOR;
    public static final int FCP_CMND = FC4_UNSOLICITED_COMMAND;
    public static final int FCP_RSP = FC4_COMMAND_STATUS;

    public static final int ELS_REQUEST = 0x22;
    public static final int ELS_REPLY = 0x23;

    public static final int BLS_NOP = 0x80;
    public static final int BLS_ABTS = 0x81;
    public static final int BLS_RMC = 0x82;
    public static final int BLS_BA_ACC = 0x84;
    public static final int BLS_BA_RJT = 0x85;
    public static final int BLS_PRMT = 0x86;

    public static final int LINK_ACK_1 = 0xC0;
    public static final int LINK_ACK_0 = 0xC1;
    public static final int LINK_P_RJT = 0xC2;
    public static final int LINK_F_RJT = 0xC3;
    public static final int LINK_P_BSY = 0xC4;
    public static final int LINK_F_BSY = 0xC5;
    public static final int LINK_LCR = 0xC7;

    /** A short name for a value ("FCP_CMND", "ELS_REQ", ...), or "0xNN" when unnamed. */
    public static String name(int rctl) {
        switch (rctl & 0xFF) {
            case FCP_DATA: return "FCP_DATA";
            case FC4_UNSOLICITED_CONTROL: return "UNSOL_CTL";
            case FC4_SOLICITED_CONTROL: return "SOL_CTL";
            case FCP_XFER_RDY: return "XFER_RDY";
            case FCP_CMND: return "FCP_CMND";
            case FCP_RSP: return "FCP_RSP";
            case ELS_REQUEST: return "ELS_REQ";
            case ELS_REPLY: return "ELS_REP";
            case BLS_NOP: return "BA_NOP";
            case BLS_ABTS: return "ABTS";
            case BLS_RMC: return "BA_RMC";
            case BLS_BA_ACC: return "BA_ACC";
            case BLS_BA_RJT: return "BA_RJT";
            case BLS_PRMT: return "BA_PRMT";
            case LINK_ACK_1: return "ACK_1";
            case LINK_ACK_0: return "ACK_0";
            case LINK_P_RJT: return "P_RJT";
            case LINK_F_RJT: return "F_RJT";
            case LINK_P_BSY: return "P_BSY";
            case LINK_F_BSY: return "F_BSY";
            case LINK_LCR: return "LCR";
            default: return String.format("0x%02x", rctl & 0xFF);
        }
    }
}
