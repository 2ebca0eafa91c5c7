package org.fcredirect.fc.fcp;

import java.util.Map;

/** Operation codes (CDB byte 0) of the SCSI commands fc-redirect recognises (SPC-5, SBC-4). */
public final class ScsiOpcode {
    private ScsiOpcode() {
    }

    public static final int TEST_UNIT_READY = 0x00;
    public static final int REQUEST_SENSE = 0x03;
    public static final int READ_6 = 0x08;
    public static final int WRITE_6 = 0x0A;
    public static final int INQUIRY = 0x12;
    public static final int MODE_SELECT_6 = 0x15;
    public static final int MODE_SENSE_6 = 0x1A;
    public static final int START_STOP_UNIT = 0x1B;
    public static final int READ_CAPACITY_10 = 0x25;
    public static final int READ_10 = 0x28;
    public static final int WRITE_10 = 0x2A;
    public static final int VERIFY_10 = 0x2F;
    public static final int SYNCHRONIZE_CACHE_10 = 0x35;
    public static final int WRITE_SAME_10 = 0x41;
    public static final int UNMAP = 0x42;
    public static final int MODE_SELECT_10 = 0x55;
    public static final int MODE_SENSE_10 = 0x5A;
    public static final int PERSISTENT_RESERVE_IN = 0x5E;
    public static final int PERSISTENT_RESERVE_OUT = 0x5F;
    public static final int READ_16 = 0x88;
    public static final int WRITE_16 = 0x8A;
    public static final int SYNCHRONIZE_CACHE_16 = 0x91;
    public static final int WRITE_SAME_16 = 0x93;
    /** SERVICE ACTION IN(16): READ CAPACITY(16) among others. */
    public static final int SERVICE_ACTION_IN_16 = 0x9E;
    public static final int REPORT_LUNS = 0xA0;
    public static final int READ_12 = 0xA8;
    public static final int WRITE_12 = 0xAA;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(TEST_UNIT_READY, "TEST UNIT READY"),
            Map.entry(REQUEST_SENSE, "REQUEST SENSE"),
            Map.entry(READ_6, "READ(6)"),
            Map.entry(WRITE_6, "WRITE(6)"),
            Map.entry(INQUIRY, "INQUIRY"),
            Map.entry(MODE_SELECT_6, "MODE SELECT(6)"),
            Map.entry(MODE_SENSE_6, "MODE SENSE(6)"),
            Map.entry(START_STOP_UNIT, "START STOP UNIT"),
            Map.entry(READ_CAPACITY_10, "READ CAPACITY(10)"),
            Map.entry(READ_10, "READ(10)"),
            Map.entry(WRITE_10, "WRITE(10)"),
            Map.entry(VERIFY_10, "VERIFY(10)"),
            Map.entry(SYNCHRONIZE_CACHE_10, "SYNCHRONIZE CACHE(10)"),
            Map.entry(WRITE_SAME_10, "WRITE SAME(10)"),
            Map.entry(UNMAP, "UNMAP"),
            Map.entry(MODE_SELECT_10, "MODE SELECT(10)"),
            Map.entry(MODE_SENSE_10, "MODE SENSE(10)"),
            Map.entry(PERSISTENT_RESERVE_IN, "PERSISTENT RESERVE IN"),
            Map.entry(PERSISTENT_RESERVE_OUT, "PERSISTENT RESERVE OUT"),
            Map.entry(READ_16, "READ(16)"),
            Map.entry(WRITE_16, "WRITE(16)"),
            Map.entry(SYNCHRONIZE_CACHE_16, "SYNCHRONIZE CACHE(16)"),
            Map.entry(WRITE_SAME_16, "WRITE SAME(16)"),
            Map.entry(SERVICE_ACTION_IN_16, "SERVICE ACTION IN(16)"),
            Map.entry(REPORT_LUNS, "REPORT LUNS"),
            Map.entry(READ_12, "READ(12)"),
            Map.entry(WRITE_12, "WRITE(12)"));

    /** The command name ("READ(10)"), or "0xNN" for an opcode not listed here. */
    public static String name(int opcode) {
        String n = NAMES.get(opcode & 0xFF);
        return n != null ? n : String.format("0x%02x", opcode & 0xFF);
    }

    /** READ(6/10/12/16): the commands whose data flows from target to initiator as block reads. */
    public static boolean isRead(int opcode) {
        int op = opcode & 0xFF;
        return op == READ_6 || op == READ_10 || op == READ_12 || op == READ_16;
    }

    /** WRITE(6/10/12/16). */
    public static boolean isWrite(int opcode) {
        int op = opcode & 0xFF;
        return op == WRITE_6 || op == WRITE_10 || op == WRITE_12 || op == WRITE_16;
    }
}
