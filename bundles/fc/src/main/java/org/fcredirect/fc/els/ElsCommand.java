package org.fcredirect.fc.els;

/** ELS command codes (FC-LS-3), the first byte of an ELS payload. */
public final class ElsCommand {
    private ElsCommand() {
    }

    public static final int LS_RJT = 0x01;
    public static final int LS_ACC = 0x02;
    public static final int PLOGI = 0x03;
    public static final int FLOGI = 0x04;
    public static final int LOGO = 0x05;
    public static final int FDISC = 0x51;

    /** The logins and logouts a switch learns from; other requests (PRLI, RSCN, ...) are not. */
    public static boolean isLoginRequest(int command) {
        return command == FLOGI || command == FDISC || command == PLOGI || command == LOGO;
    }

    /** A short name for a command code, or "0xNN" when not one of these. */
    public static String name(int command) {
        switch (command & 0xFF) {
            case LS_RJT: return "LS_RJT";
            case LS_ACC: return "LS_ACC";
            case PLOGI: return "PLOGI";
            case FLOGI: return "FLOGI";
            case LOGO: return "LOGO";
            case FDISC: return "FDISC";
            default: return String.format("0x%02x", command & 0xFF);
        }
    }
}
