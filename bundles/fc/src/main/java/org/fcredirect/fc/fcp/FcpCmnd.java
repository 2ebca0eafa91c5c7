package org.fcredirect.fc.fcp;

import java.util.Arrays;

import org.fcredirect.fc.FcFormatException;
import org.fcredirect.fc.Hex;
import org.fcredirect.fc.RCtl;

/**
 * FCP_CMND (FCP-4 9.2): a SCSI command for logical unit {@code lun}. The CDB is the 16-byte
 * FCP_CDB field followed by the additional CDB bytes, so its length is 16 + 4 x the additional
 * CDB length. FCP_DL and FCP_BIDIRECTIONAL_READ_DL are unsigned 32-bit values; the latter is on
 * the wire only when both RDDATA and WRDATA are set (a bidirectional command) and is 0 otherwise.
 */
public record FcpCmnd(long lun, int commandReferenceNumber, int priority, TaskAttribute taskAttribute,
                      int taskManagementFlags, boolean readData, boolean writeData, byte[] cdb,
                      long dataLength, long bidirectionalReadDataLength) implements FcpIu {

    /** Length of the IU with no additional CDB and no bidirectional read length. */
    public static final int LENGTH = 32;
    public static final int CDB_LENGTH = 16;
    /** The additional CDB length field is six bits, in units of four bytes. */
    public static final int MAX_ADDITIONAL_CDB_WORDS = 63;

    public static final int TM_ABORT_TASK_SET = 0x02;
    public static final int TM_CLEAR_TASK_SET = 0x04;
    public static final int TM_LOGICAL_UNIT_RESET = 0x10;
    public static final int TM_TARGET_RESET = 0x20;
    public static final int TM_CLEAR_ACA = 0x40;
    /** Bits 7 (obsolete TERMINATE TASK), 3 and 0 of the task management flags. */
    private static final int TM_RESERVED = 0x89;

    private static final String IU = "FCP_CMND";

    public FcpCmnd {
        Fields.check(IU, "command reference number", commandReferenceNumber, 0xFF);
        Fields.check(IU, "priority", priority, 0xF);
        Fields.required(IU, "task attribute", taskAttribute);
        Fields.required(IU, "CDB", cdb);
        if ((taskManagementFlags & ~0xFF) != 0 || (taskManagementFlags & TM_RESERVED) != 0) {
            throw FcFormatException.of(IU + " task management flags", String.format("0x%02x", taskManagementFlags),
                    "reserved bits set (only 0x02, 0x04, 0x10, 0x20, 0x40 are defined)");
        }
        if (Integer.bitCount(taskManagementFlags) > 1) {
            throw FcFormatException.of(IU + " task management flags", String.format("0x%02x", taskManagementFlags),
                    "request more than one task management function");
        }
        int extra = cdb.length - CDB_LENGTH;
        if (extra < 0 || extra % 4 != 0 || extra / 4 > MAX_ADDITIONAL_CDB_WORDS) {
            throw FcFormatException.of(IU + " CDB", Hex.encode(cdb, 0, cdb.length),
                    cdb.length + " bytes, must be 16 plus a multiple of 4 up to " + (CDB_LENGTH + 4 * MAX_ADDITIONAL_CDB_WORDS));
        }
        Fields.check(IU, "FCP_DL", dataLength, Fields.U32_MAX);
        Fields.check(IU, "FCP_BIDIRECTIONAL_READ_DL", bidirectionalReadDataLength, Fields.U32_MAX);
        if (bidirectionalReadDataLength != 0 && !(readData && writeData)) {
            throw FcFormatException.of(IU + " FCP_BIDIRECTIONAL_READ_DL", bidirectionalReadDataLength,
                    "is only carried when both RDDATA and WRDATA are set");
        }
        cdb = cdb.clone();
    }

    /**
     * Decodes an FCP_CMND IU of exactly 32 + 4 x additional CDB length bytes, 4 more for a
     * bidirectional command.
     */
    public static FcpCmnd decode(byte[] buf, int off, int len) {
        Be.checkBounds(buf, off, len);
        if (len < LENGTH) {
            throw FcFormatException.of(IU, Hex.encode(buf, off, len), len + " bytes, an FCP_CMND IU has at least " + LENGTH);
        }
        int byte11 = Be.u8(buf, off + 11);
        int additionalWords = byte11 >>> 2;
        boolean read = (byte11 & 0x02) != 0;
        boolean write = (byte11 & 0x01) != 0;
        boolean bidi = read && write;
        int expected = LENGTH + 4 * additionalWords + (bidi ? 4 : 0);
        if (len != expected) {
            throw FcFormatException.of(IU, Hex.encode(buf, off, len), len + " bytes, but additional CDB length "
                    + additionalWords + (bidi ? " and RDDATA+WRDATA" : "") + " make it " + expected);
        }
        int byte9 = Be.u8(buf, off + 9);
        if ((byte9 & 0x80) != 0) {
            throw FcFormatException.of(IU, Hex.encode(buf, off, len), "reserved bit 7 of byte 9 is set");
        }
        int cdbLength = CDB_LENGTH + 4 * additionalWords;
        int dlOffset = off + 12 + cdbLength;
        return new FcpCmnd(Be.u64(buf, off), Be.u8(buf, off + 8), byte9 >>> 3 & 0xF,
                TaskAttribute.ofCode(byte9 & 0x7), Be.u8(buf, off + 10), read, write,
                Arrays.copyOfRange(buf, off + 12, off + 12 + cdbLength), Be.u32(buf, dlOffset),
                bidi ? Be.u32(buf, dlOffset + 4) : 0);
    }

    /** Length of the additional CDB in four-byte words. */
    public int additionalCdbLength() {
        return (cdb.length - CDB_LENGTH) / 4;
    }

    /** The whole CDB: the 16-byte FCP_CDB field and the additional CDB. */
    @Override
    public byte[] cdb() {
        return cdb.clone();
    }

    /** The SCSI operation code, CDB byte 0. */
    public int scsiOpcode() {
        return cdb[0] & 0xFF;
    }

    /** The LUN number for peripheral or flat addressing; see {@link Lun#number(long)}. */
    public int lunNumber() {
        return Lun.number(lun);
    }

    public boolean isTaskManagement() {
        return taskManagementFlags != 0;
    }

    public int length() {
        return LENGTH + cdb.length - CDB_LENGTH + (readData && writeData ? 4 : 0);
    }

    @Override
    public int rCtl() {
        return RCtl.FCP_CMND;
    }

    @Override
    public byte[] encode() {
        byte[] b = new byte[length()];
        Be.put64(b, 0, lun);
        b[8] = (byte) commandReferenceNumber;
        b[9] = (byte) (priority << 3 | taskAttribute.code());
        b[10] = (byte) taskManagementFlags;
        b[11] = (byte) (additionalCdbLength() << 2 | (readData ? 0x02 : 0) | (writeData ? 0x01 : 0));
        System.arraycopy(cdb, 0, b, 12, cdb.length);
        int dlOffset = 12 + cdb.length;
        Be.put32(b, dlOffset, dataLength);
        if (readData && writeData) {
            Be.put32(b, dlOffset + 4, bidirectionalReadDataLength);
        }
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FcpCmnd c && c.lun == lun && c.commandReferenceNumber == commandReferenceNumber
                && c.priority == priority && c.taskAttribute == taskAttribute
                && c.taskManagementFlags == taskManagementFlags && c.readData == readData
                && c.writeData == writeData && Arrays.equals(c.cdb, cdb) && c.dataLength == dataLength
                && c.bidirectionalReadDataLength == bidirectionalReadDataLength;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(lun) * 31 + Arrays.hashCode(cdb) * 17 + Long.hashCode(dataLength)
                + commandReferenceNumber;
    }

    @Override
    public String toString() {
        return "FcpCmnd[lun=" + Lun.format(lun) + ", op=" + ScsiOpcode.name(scsiOpcode())
                + ", crn=" + commandReferenceNumber + ", priority=" + priority + ", " + taskAttribute
                + (taskManagementFlags != 0 ? String.format(", tmf=0x%02x", taskManagementFlags) : "")
                + (readData ? ", RDDATA" : "") + (writeData ? ", WRDATA" : "")
                + ", cdb=" + Hex.encode(cdb, 0, cdb.length) + ", dl=" + dataLength
                + (readData && writeData ? ", bidiReadDl=" + bidirectionalReadDataLength : "") + "]";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an FCP_CMND; unset fields are zero, SIMPLE and an all-zero CDB. */
    public static final class Builder {
        private long lun;
        private int commandReferenceNumber;
        private int priority;
        private TaskAttribute taskAttribute = TaskAttribute.SIMPLE;
        private int taskManagementFlags;
        private boolean readData;
        private boolean writeData;
        private byte[] cdb = new byte[CDB_LENGTH];
        private long dataLength;
        private long bidirectionalReadDataLength;

        public Builder lun(long v) { lun = v; return this; }
        public Builder lunNumber(int number) { lun = Lun.of(number); return this; }
        public Builder commandReferenceNumber(int v) { commandReferenceNumber = v; return this; }
        public Builder priority(int v) { priority = v; return this; }
        public Builder taskAttribute(TaskAttribute v) { taskAttribute = v; return this; }
        public Builder taskManagementFlags(int v) { taskManagementFlags = v; return this; }
        public Builder readData(boolean v) { readData = v; return this; }
        public Builder writeData(boolean v) { writeData = v; return this; }
        public Builder dataLength(long v) { dataLength = v; return this; }
        public Builder bidirectionalReadDataLength(long v) { bidirectionalReadDataLength = v; return this; }

        /** The CDB; one shorter than 16 bytes (a 6-, 10- or 12-byte command) is zero-padded to 16. */
        public Builder cdb(byte... v) {
            cdb = v.length < CDB_LENGTH ? Arrays.copyOf(v, CDB_LENGTH) : v.clone();
            return this;
        }

        public FcpCmnd build() {
            return new FcpCmnd(lun, commandReferenceNumber, priority, taskAttribute, taskManagementFlags,
                    readData, writeData, cdb, dataLength, bidirectionalReadDataLength);
        }
    }
}
