package org.fcredirect.fc.fcp;

import static org.fcredirect.fc.testing.Malformed.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.fcredirect.fc.Hex;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FcpCmndTest {
    /** READ(10) of 8 blocks at LBA 0x10 on LUN 5, 4096 bytes expected: the vector tshark decoded. */
    private static final String READ10_LUN5 = "0005000000000000" + "00000002"
            + "28000000100000000800000000000000" + "00001000";

    @Test
    void decodesAReadCommand() {
        FcpCmnd c = FcpCmnd.decode(Hex.decode(READ10_LUN5), 0, 32);
        assertEquals(5, c.lunNumber());
        assertEquals(0x0005_0000_0000_0000L, c.lun());
        assertEquals(ScsiOpcode.READ_10, c.scsiOpcode());
        assertEquals(TaskAttribute.SIMPLE, c.taskAttribute());
        assertTrue(c.readData());
        assertFalse(c.writeData());
        assertEquals(4096, c.dataLength());
        assertEquals(0, c.additionalCdbLength());
        assertEquals(16, c.cdb().length);
    }

    @Test
    void encodesWhatItDecodes() {
        FcpCmnd c = FcpCmnd.builder().lunNumber(5).readData(true).dataLength(4096)
                .cdb((byte) 0x28, (byte) 0, (byte) 0, (byte) 0, (byte) 0x10, (byte) 0, (byte) 0, (byte) 0, (byte) 8, (byte) 0)
                .build();
        assertEquals(READ10_LUN5, Hex.encode(c.encode(), 0, 32));
    }

    @Test
    void decodesAtAnOffset() {
        byte[] buf = Hex.decode("ffff" + READ10_LUN5 + "ee");
        assertEquals(FcpCmnd.decode(Hex.decode(READ10_LUN5), 0, 32), FcpCmnd.decode(buf, 2, 32));
    }

    @Test
    void carriesAdditionalCdbAndBidirectionalLength() {
        byte[] cdb = new byte[24];
        cdb[0] = (byte) 0x7F;
        FcpCmnd c = FcpCmnd.builder().cdb(cdb).readData(true).writeData(true).dataLength(512)
                .bidirectionalReadDataLength(1024).taskAttribute(TaskAttribute.ORDERED).priority(9)
                .commandReferenceNumber(200).build();
        byte[] iu = c.encode();
        assertEquals(32 + 8 + 4, iu.length);
        assertEquals(2 << 2 | 3, iu[11] & 0xFF);
        assertEquals(9 << 3 | 2, iu[9] & 0xFF);
        FcpCmnd back = FcpCmnd.decode(iu, 0, iu.length);
        assertEquals(c, back);
        assertEquals(2, back.additionalCdbLength());
        assertEquals(1024, back.bidirectionalReadDataLength());
    }

    @Test
    void cdbIsCopiedInAndOut() {
        byte[] cdb = new byte[16];
        FcpCmnd c = FcpCmnd.builder().cdb(cdb).build();
        cdb[0] = 0x2A;
        c.cdb()[0] = 0x2A;
        assertEquals(0, c.scsiOpcode());
    }

    @Test
    void rejectsAShortIu() {
        rejects(() -> FcpCmnd.decode(new byte[31], 0, 31), "FCP_CMND", "31 bytes", "at least 32");
    }

    @Test
    void rejectsALengthThatDisagreesWithTheAdditionalCdbLength() {
        byte[] iu = Hex.decode(READ10_LUN5);
        iu[11] = (byte) (1 << 2 | 2);
        rejects(() -> FcpCmnd.decode(iu, 0, 32), "32 bytes", "additional CDB length 1", "make it 36");
    }

    @Test
    void rejectsABidirectionalCommandWithoutItsReadLength() {
        byte[] iu = Hex.decode(READ10_LUN5);
        iu[11] = 3;
        rejects(() -> FcpCmnd.decode(iu, 0, 32), "RDDATA+WRDATA", "make it 36");
    }

    @Test
    void rejectsReservedTaskAttributes() {
        for (int code : new int[] {3, 6, 7}) {
            byte[] iu = Hex.decode(READ10_LUN5);
            iu[9] = (byte) code;
            rejects(() -> FcpCmnd.decode(iu, 0, 32), "task attribute '" + code + "'", "reserved");
        }
    }

    @Test
    void rejectsTheReservedBitOfByte9() {
        byte[] iu = Hex.decode(READ10_LUN5);
        iu[9] = (byte) 0x80;
        rejects(() -> FcpCmnd.decode(iu, 0, 32), "reserved bit 7 of byte 9");
    }

    @Test
    void rejectsReservedOrCombinedTaskManagementFlags() {
        for (int flags : new int[] {0x01, 0x08, 0x80}) {
            byte[] iu = Hex.decode(READ10_LUN5);
            iu[10] = (byte) flags;
            rejects(() -> FcpCmnd.decode(iu, 0, 32), String.format("'0x%02x'", flags), "reserved bits");
        }
        byte[] iu = Hex.decode(READ10_LUN5);
        iu[10] = FcpCmnd.TM_ABORT_TASK_SET | FcpCmnd.TM_TARGET_RESET;
        rejects(() -> FcpCmnd.decode(iu, 0, 32), "'0x22'", "more than one task management function");
    }

    @Test
    void acceptsEachSingleTaskManagementFunction() {
        for (int flag : new int[] {FcpCmnd.TM_ABORT_TASK_SET, FcpCmnd.TM_CLEAR_TASK_SET, FcpCmnd.TM_LOGICAL_UNIT_RESET,
                FcpCmnd.TM_TARGET_RESET, FcpCmnd.TM_CLEAR_ACA}) {
            byte[] iu = Hex.decode(READ10_LUN5);
            iu[10] = (byte) flag;
            assertTrue(FcpCmnd.decode(iu, 0, 32).isTaskManagement());
        }
    }

    @Test
    void constructorRejectsInconsistentFields() {
        rejects(() -> FcpCmnd.builder().cdb(new byte[18]).build(), "CDB", "18 bytes", "multiple of 4");
        rejects(() -> FcpCmnd.builder().cdb(new byte[16 + 4 * 64]).build(), "272 bytes");
        rejects(() -> FcpCmnd.builder().readData(true).bidirectionalReadDataLength(1).build(),
                "FCP_BIDIRECTIONAL_READ_DL", "only carried when both RDDATA and WRDATA");
        rejects(() -> FcpCmnd.builder().dataLength(1L << 32).build(), "FCP_DL", "4294967296");
        rejects(() -> FcpCmnd.builder().priority(16).build(), "priority", "0..15");
        rejects(() -> FcpCmnd.builder().commandReferenceNumber(256).build(), "command reference number");
        rejects(() -> FcpCmnd.builder().taskAttribute(null).build(), "task attribute", "required");
    }

    @Property(tries = 300)
    void roundTrips(@ForAll("commands") FcpCmnd c) {
        byte[] iu = c.encode();
        assertEquals(c.length(), iu.length);
        FcpCmnd back = FcpCmnd.decode(iu, 0, iu.length);
        assertEquals(c, back);
        assertArrayEquals(iu, back.encode());
    }

    @Property(tries = 300)
    void everyTruncationIsRejected(@ForAll("commands") FcpCmnd c, @ForAll("cuts") int cut) {
        byte[] iu = c.encode();
        int len = Math.max(0, iu.length - cut);
        rejects(() -> FcpCmnd.decode(Arrays.copyOf(iu, len), 0, len), "FCP_CMND", len + " bytes");
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(1, 40);
    }

    @Provide
    Arbitrary<FcpCmnd> commands() {
        Arbitrary<byte[]> cdbs = Arbitraries.integers().between(0, 8)
                .flatMap(words -> Arbitraries.bytes().array(byte[].class).ofSize(16 + 4 * words));
        Arbitrary<Integer> tmf = Arbitraries.of(0, 0, 0, FcpCmnd.TM_ABORT_TASK_SET, FcpCmnd.TM_CLEAR_ACA, FcpCmnd.TM_TARGET_RESET);
        Arbitrary<Boolean> flags = Arbitraries.of(true, false);
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(0, 15), Arbitraries.of(TaskAttribute.class), tmf, flags, flags, cdbs)
                .flatAs((lun, crn, prio, attr, tm, rd, wr, cdb) -> Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(dl ->
                        new FcpCmnd(lun, crn, prio, attr, tm, rd, wr, cdb, dl, rd && wr ? dl / 2 : 0)));
    }
}
