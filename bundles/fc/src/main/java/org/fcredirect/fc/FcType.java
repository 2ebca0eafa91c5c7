package org.fcredirect.fc;

/** Frame header TYPE values (the FC-4 or service a frame belongs to). */
public final class FcType {
    private FcType() {
    }

    public static final int BLS = 0x00;
    public static final int ELS = 0x01;
    public static final int LLC_SNAP = 0x04;
    public static final int IP = 0x05;
    public static final int FCP = 0x08;
    public static final int GPP = 0x09;
    public static final int SB_CH_TO_CU = 0x1B;
    public static final int SB_CU_TO_CH = 0x1C;
    public static final int FC_CT = 0x20;
    public static final int SW_ILS = 0x22;
    public static final int AL = 0x23;
    public static final int SNMP = 0x24;
    public static final int NVME = 0x28;

    /** A short name for a value, or "0xNN" when unnamed. */
    public static String name(int type) {
        switch (type & 0xFF) {
            case BLS: return "BLS";
            case ELS: return "ELS";
            case LLC_SNAP: return "LLC_SNAP";
            case IP: return "IP";
            case FCP: return "FCP";
            case GPP: return "GPP";
            case SB_CH_TO_CU: return "SB_TO_CU";
            case SB_CU_TO_CH: return "SB_FROM_CU";
            case FC_CT: return "FC_CT";
            case SW_ILS: return "SW_ILS";
            case AL: return "AL";
            case SNMP: return "SNMP";
            case NVME: return "NVMe";
            default: return String.format("0x%02x", type & 0xFF);
        }
    }
}
