package org.fcredirect.storage.impl;

import static org.fcredirect.storage.impl.TestLogs.append;
import static org.fcredirect.storage.impl.TestLogs.assertGapless;
import static org.fcredirect.storage.impl.TestLogs.payload;
import static org.fcredirect.storage.impl.TestLogs.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fcredirect.storage.api.NewEvent;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StorageStatus;
import org.fcredirect.storage.api.StoredEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryTest {
    private static final int EVENTS = 5;
    /** Every record of the pristine log: stream "flow", type "set", payload "e1".."e5". */
    private static final int RECORD = RecordCodec.recordSize("flow", "set", 2);
    private static final int LAST_START = Segment.HEADER_BYTES + (EVENTS - 1) * RECORD;
    private static final int LAST_END = LAST_START + RECORD;

    @TempDir
    Path tmp;
    private Path pristine;

    @BeforeEach
    void writePristineLog() {
        pristine = tmp.resolve("pristine");
        try (FileEventLog log = TestLogs.open(pristine)) {
            for (int i = 1; i <= EVENTS; i++) {
                append(log, "flow", "set", "e" + i);
            }
        }
    }

    /** Whether the pristine last record has a non-zero byte in {@code [LAST_START, to)}: something left to cut. */
    private boolean leavesBytes(int to) throws IOException {
        byte[] file = Files.readAllBytes(TestLogs.newestSegment(pristine));
        for (int i = LAST_START; i < to; i++) {
            if (file[i] != 0) {
                return true;
            }
        }
        return false;
    }

    private Path copy(String name) throws IOException {
        Path dir = tmp.resolve(name);
        TestLogs.copyTree(pristine, dir);
        return dir;
    }

    private static void edit(Path file, Edit edit) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            edit.apply(ch);
        }
    }

    private interface Edit {
        void apply(FileChannel ch) throws IOException;
    }

    private static void flip(FileChannel ch, long offset) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1);
        ch.read(b, offset);
        b.put(0, (byte) (b.get(0) ^ 0xFF)).rewind();
        ch.write(b, offset);
    }

    private static void zero(FileChannel ch, long from, long to) throws IOException {
        ch.write(ByteBuffer.allocate((int) (to - from)), from);
    }

    /** Opens the log, checks it holds e1..e{expected}, appends one more, checks it lands at expected + 1. */
    private static StorageStatus assertRecoversTo(Path dir, int expected, long truncations, String what) {
        try (FileEventLog log = TestLogs.open(dir)) {
            StorageStatus status = log.status();
            assertEquals(expected, log.lastSequence(), what + ": last sequence");
            assertEquals(truncations, status.truncatedOnRecovery(), what + ": truncations");
            List<StoredEvent> events = assertGapless(log, expected);
            for (StoredEvent e : events) {
                assertEquals("e" + e.sequence(), text(e), what + ": payload of #" + e.sequence());
            }
            assertEquals(expected + 1, append(log, "flow", "set", "after"), what + ": next sequence");
            return status;
        }
    }

    @Test
    void truncatingTheLastRecordAtEveryByteDropsOnlyIt() throws IOException {
        for (int cut = LAST_START; cut <= LAST_END; cut++) {
            Path dir = copy("cut-" + cut);
            long at = cut;
            edit(TestLogs.newestSegment(dir), ch -> ch.truncate(at));
            boolean torn = cut < LAST_END && leavesBytes(cut);
            StorageStatus s = assertRecoversTo(dir, cut == LAST_END ? EVENTS : EVENTS - 1, torn ? 1 : 0, "cut at " + cut);
            if (torn) {
                long dropped = s.truncatedBytesOnRecovery();
                assertTrue(dropped > 0 && dropped <= cut - LAST_START, "bytes dropped at cut " + cut + ": " + dropped);
            }
        }
    }

    @Test
    void aZeroFilledTailFromEveryByteOfTheLastRecordDropsOnlyIt() throws IOException {
        for (int from = LAST_START; from < LAST_END; from++) {
            Path dir = copy("zero-" + from);
            long at = from;
            edit(TestLogs.newestSegment(dir), ch -> zero(ch, at, LAST_END));
            assertRecoversTo(dir, EVENTS - 1, leavesBytes(from) ? 1 : 0, "zeros from " + from);
        }
    }

    @Test
    void flippingAnyByteOfTheLastRecordDropsOnlyIt() throws IOException {
        for (int i = LAST_START; i < LAST_END; i++) {
            Path dir = copy("flip-" + i);
            long at = i;
            edit(TestLogs.newestSegment(dir), ch -> flip(ch, at));
            assertRecoversTo(dir, EVENTS - 1, 1, "flipped byte " + i);
        }
    }

    @Test
    void thePreallocatedZeroTailIsNotDamage() throws IOException {
        assertEquals(TestLogs.SMALL_SEGMENT, Files.size(TestLogs.newestSegment(pristine)), "preallocated");
        assertRecoversTo(copy("clean"), EVENTS, 0, "clean log");
    }

    @Test
    void garbageAfterTheLastRecordIsCutOff() throws IOException {
        Path dir = copy("garbage");
        edit(TestLogs.newestSegment(dir), ch -> {
            byte[] junk = new byte[100];
            Arrays.fill(junk, (byte) 0xAB);
            ch.write(ByteBuffer.wrap(junk), LAST_END + 10);
        });
        StorageStatus s = assertRecoversTo(dir, EVENTS, 1, "garbage tail");
        assertEquals(110, s.truncatedBytesOnRecovery());
    }

    @Test
    void aCorruptRecordFollowedByLaterWritesRefusesToOpen() throws IOException {
        int third = Segment.HEADER_BYTES + 2 * RECORD;
        for (int i = third; i < third + RECORD; i++) {
            Path dir = copy("middle-" + i);
            long at = i;
            edit(TestLogs.newestSegment(dir), ch -> flip(ch, at));
            StorageException e = assertThrows(StorageException.class, () -> TestLogs.open(dir), "flipped byte " + i);
            String m = e.getMessage();
            assertTrue(m.contains(TestLogs.newestSegment(dir).toString()), m);
            assertTrue(m.contains("offset " + third), m);
            assertTrue(m.contains("sequence 3"), m);
            assertTrue(m.contains("in the middle"), m);
        }
    }

    @Test
    void anUnfinishedAppendAllIsDroppedWhole() throws Exception {
        Path dir = copy("unfinished");
        try (FileEventLog log = TestLogs.open(dir)) {
            log.appendAll(List.of(NewEvent.of("flow", "set", payload("e6")), NewEvent.of("flow", "set", payload("e7")),
                    NewEvent.of("flow", "set", payload("e8")))).get(10, TimeUnit.SECONDS);
        }
        long lastOfWrite = LAST_END + 2L * RECORD;
        edit(TestLogs.newestSegment(dir), ch -> zero(ch, lastOfWrite, lastOfWrite + RECORD));
        try (FileEventLog log = TestLogs.open(dir)) {
            assertEquals(EVENTS, log.lastSequence(), "the two records that did reach the disk are dropped too");
            assertEquals("2", log.status().details().get("eventsDroppedOnRecovery"));
        }
    }

    @Test
    void damageInAnOlderSegmentRefusesToOpen() throws IOException {
        Path dir = tmp.resolve("rolled");
        byte[] big = new byte[256 * 1024];
        try (FileEventLog log = TestLogs.open(dir)) {
            for (int i = 0; i < 20; i++) {
                log.append("flow", "set", big).join();
            }
        }
        List<Path> segments = TestLogs.segments(dir);
        assertTrue(segments.size() >= 2, "rolled: " + segments);
        edit(segments.get(0), ch -> flip(ch, Segment.HEADER_BYTES + 100));
        StorageException e = assertThrows(StorageException.class, () -> TestLogs.open(dir));
        assertTrue(e.getMessage().contains(segments.get(0).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("newer segments follow"), e.getMessage());
    }

    @Test
    void aMissingSegmentRefusesToOpen() throws IOException {
        Path dir = tmp.resolve("gap");
        byte[] big = new byte[512 * 1024];
        try (FileEventLog log = TestLogs.open(dir)) {
            for (int i = 0; i < 12; i++) {
                log.append("flow", "set", big).join();
            }
        }
        List<Path> segments = TestLogs.segments(dir);
        assertTrue(segments.size() >= 3, "rolled: " + segments);
        Files.delete(segments.get(1));
        StorageException e = assertThrows(StorageException.class, () -> TestLogs.open(dir));
        assertTrue(e.getMessage().contains("a segment is missing"), e.getMessage());
    }

    @Test
    void aDamagedHeaderRefusesToOpen() throws IOException {
        Path dir = copy("header");
        edit(TestLogs.newestSegment(dir), ch -> flip(ch, 14));
        StorageException e = assertThrows(StorageException.class, () -> TestLogs.open(dir));
        assertTrue(e.getMessage().contains("corrupt header"), e.getMessage());
    }

    @Test
    void aSegmentLeftUnfinishedByACrashIsDeleted() throws IOException {
        Path dir = copy("leftover");
        Path leftover = dir.resolve(Segment.fileName(6) + ".tmp");
        Files.write(leftover, new byte[100]);
        assertRecoversTo(dir, EVENTS, 0, "leftover temp segment");
        assertTrue(Files.notExists(leftover));
    }

    @Test
    void aDirectoryIsOpenedByOneLogAtATime() {
        try (FileEventLog log = TestLogs.open(pristine)) {
            StorageException e = assertThrows(StorageException.class, () -> TestLogs.open(pristine));
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
        }
    }
}
