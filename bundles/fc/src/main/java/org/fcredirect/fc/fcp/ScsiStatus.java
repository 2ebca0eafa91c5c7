package org.fcredirect.fc.fcp;

import java.util.Map;

/** SCSI status codes (SAM-5) as carried in FCP_RSP byte 11. */
public final class ScsiStatus {
    private ScsiStatus() {
    }

    public static final int GOOD = 0x00;
    public static final int CHECK_CONDITION = 0x02;
    public static final int CONDITION_MET = 0x04;
    public static final int BUSY = 0x08;
    public static final int INTERMEDIATE = 0x10;
    public static final int INTERMEDIATE_CONDITION_MET = 0x14;
    public static final int RESERVATION_CONFLICT = 0x18;
    public static final int COMMAND_TERMINATED = 0x22;
    public static final int TASK_SET_FULL = 0x28;
    public static final int ACA_ACTIVE = 0x30;
    public static final int TASK_ABORTED = 0x40;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(GOOD, "GOOD"),
            Map.entry(CHECK_CONDITION, "CHECK CONDITION"),
            Map.entry(CONDITION_MET, "CONDITION MET"),
            Map.entry(BUSY, "BUSY"),
            Map.entry(INTERMEDIATE, "INTERMEDIATE"),
            Map.entry(INTERMEDIATE_CONDITION_MET, "INTERMEDIATE-CONDITION MET"),
            Map.entry(RESERVATION_CONFLICT, "RESERVATION CONFLICT"),
            Map.entry(COMMAND_TERMINATED, "COMMAND TERMINATED"),
            Map.entry(TASK_SET_FULL, "TASK SET FULL"),
            Map.entry(ACA_ACTIVE, "ACA ACTIVE"),
            Map.entry(TASK_ABORTED, "TASK ABORTED"));

    /** The status name ("CHECK CONDITION"), or "0xNN" for a code not defined by SAM. */
    public static String name(int status) {
        String n = NAMES.get(status & 0xFF);
        return n != null ? n : String.format("0x%02x", status & 0xFF);
    }
}
