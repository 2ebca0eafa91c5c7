package org.fcredirect.fc;

import java.util.StringJoiner;

/** Bits of the 24-bit frame control field (FC-FS-4). */
public final class FCtl {
    private FCtl() {
    }

    /** Set by the exchange responder, clear from the originator. */
    public static final int EXCHANGE_CONTEXT = 1 << 23;
    /** Set by the sequence recipient, clear from the initiator. */
    public static final int SEQUENCE_CONTEXT = 1 << 22;
    public static final int FIRST_SEQUENCE = 1 << 21;
    public static final int LAST_SEQUENCE = 1 << 20;
    public static final int END_SEQUENCE = 1 << 19;
    public static final int PRIORITY_ENABLE = 1 << 17;
    public static final int SEQUENCE_INITIATIVE = 1 << 16;
    public static final int ACK_FORM_MASK = 3 << 12;
    public static final int RETRANSMITTED_SEQUENCE = 1 << 9;
    public static final int CONTINUE_SEQUENCE_MASK = 3 << 6;
    public static final int ABORT_SEQUENCE_MASK = 3 << 4;
    /** The PARAMETER field holds a relative offset. */
    public static final int RELATIVE_OFFSET = 1 << 3;
    public static final int EXCHANGE_REASSEMBLY = 1 << 2;
    public static final int FILL_BYTES_MASK = 3;

    /** Names of the single-bit flags set in {@code fctl}, e.g. "FIRST_SEQ|END_SEQ|SI". */
    public static String describe(int fctl) {
        StringJoiner j = new StringJoiner("|");
        flag(j, fctl, EXCHANGE_CONTEXT, "X_CTX");
        flag(j, fctl, SEQUENCE_CONTEXT, "SEQ_CTX");
        flag(j, fctl, FIRST_SEQUENCE, "FIRST_SEQ");
        flag(j, fctl, LAST_SEQUENCE, "LAST_SEQ");
        flag(j, fctl, END_SEQUENCE, "END_SEQ");
        flag(j, fctl, PRIORITY_ENABLE, "PRIO");
        flag(j, fctl, SEQUENCE_INITIATIVE, "SI");
        flag(j, fctl, RETRANSMITTED_SEQUENCE, "RETX");
        flag(j, fctl, RELATIVE_OFFSET, "REL_OFF");
        flag(j, fctl, EXCHANGE_REASSEMBLY, "XCHG_REASM");
        if ((fctl & FILL_BYTES_MASK) != 0) {
            j.add("FILL=" + (fctl & FILL_BYTES_MASK));
        }
        return j.length() == 0 ? "-" : j.toString();
    }

    private static void flag(StringJoiner j, int fctl, int bit, String name) {
        if ((fctl & bit) != 0) {
            j.add(name);
        }
    }
}
