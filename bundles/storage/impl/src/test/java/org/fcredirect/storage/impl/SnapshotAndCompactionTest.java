package org.fcredirect.storage.impl;

import static org.fcredirect.storage.impl.AppendAndReadTest.assertMessage;
import static org.fcredirect.storage.impl.TestLogs.append;
import static org.fcredirect.storage.impl.TestLogs.payload;
import static org.fcredirect.storage.impl.TestLogs.readAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.fcredirect.storage.api.CompactionResult;
import org.fcredirect.storage.api.Snapshot;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.api.StreamFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotAndCompactionTest {
    @TempDir
    Path dir;

    @Test
    void aSnapshotIsSavedAtomicallyAndSurvivesReopen() throws IOException {
        try (FileEventLog log = TestLogs.open(dir)) {
            append(log, "flow", "t", "a");
            append(log, "flow", "t", "b");
            assertTrue(log.loadSnapshot("flow").isEmpty());
            Snapshot saved = log.saveSnapshot("flow", 2, payload("state-at-2"));
            assertEquals(2, saved.sequence());
        }
        Path snapDir = dir.resolve(FileEventLog.SNAPSHOT_DIRECTORY);
        Files.write(snapDir.resolve("flow.snap.tmp"), payload("half written"));
        try (FileEventLog log = TestLogs.open(dir)) {
            Snapshot loaded = log.loadSnapshot("flow").orElseThrow();
            assertEquals(2, loaded.sequence());
            assertArrayEquals(payload("state-at-2"), loaded.data());
            assertTrue(Files.notExists(snapDir.resolve("flow.snap.tmp")), "leftover of a crashed save deleted");
            append(log, "flow", "t", "c");
            log.saveSnapshot("flow", 3, payload("state-at-3"));
            assertArrayEquals(payload("state-at-3"), log.loadSnapshot("flow").orElseThrow().data());
        }
    }

    @Test
    void snapshotsOnlyMoveForwardAndNeverAheadOfTheLog() {
        try (FileEventLog log = TestLogs.open(dir)) {
            append(log, "flow", "t", "a");
            append(log, "flow", "t", "b");
            log.saveSnapshot("flow", 2, new byte[0]);
            assertMessage(() -> log.saveSnapshot("flow", 1, new byte[0]), "older than the stored one at 2");
            assertMessage(() -> log.saveSnapshot("flow", 3, new byte[0]), "ahead of the log", "last sequence is 2");
            assertMessage(() -> log.saveSnapshot("Flow", 1, new byte[0]), "'Flow'");
            assertMessage(() -> log.saveSnapshot("flow", 2, null), "no data");
        }
    }

    @Test
    void aCorruptSnapshotRefusesToOpenNamingTheFile() throws IOException {
        try (FileEventLog log = TestLogs.open(dir)) {
            append(log, "flow", "t", "a");
            log.saveSnapshot("flow", 1, payload("state"));
        }
        Path file = dir.resolve(FileEventLog.SNAPSHOT_DIRECTORY).resolve("flow.snap");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 6] ^= 1;
        Files.write(file, bytes);
        StorageException e = assertThrows(StorageException.class, () -> TestLogs.open(dir));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("CRC"), e.getMessage());
    }

    /** 100 KiB events alternate between two streams; 2 MiB segments hold 20 of them. */
    private static void fill(FileEventLog log, int events) {
        byte[] big = new byte[100 * 1024];
        for (int i = 1; i <= events; i++) {
            log.append(i % 2 == 0 ? "even" : "odd", "t", big).join();
        }
    }

    @Test
    void compactionDropsWhatEveryStreamsSnapshotCovers() {
        try (FileEventLog log = TestLogs.open(dir)) {
            fill(log, 100);
            assertEquals(0, log.compact().eventsRemoved(), "no snapshot, nothing to drop");
            log.saveSnapshot("even", 60, new byte[0]);
            assertEquals(0, log.compact().eventsRemoved(), "stream odd has no snapshot");
            log.saveSnapshot("odd", 59, new byte[0]);
            CompactionResult r = log.compact();
            assertTrue(r.eventsRemoved() >= 40 && r.eventsRemoved() <= 60, r.toString());
            long first = r.firstSequence();
            assertEquals(r.eventsRemoved() + 1, first);
            assertEquals(first, log.status().firstSequence());
            assertEquals(100 - r.eventsRemoved(), log.status().eventCount());

            List<StoredEvent> all = readAll(log, StreamFilter.all(), 1);
            assertEquals(first, all.get(0).sequence(), "the whole log is read from where it now starts");
            assertEquals(100, all.get(all.size() - 1).sequence());
            assertEquals(62, readAll(log, StreamFilter.of("even"), 61).get(0).sequence(), "after its snapshot, all there");
            assertMessage(() -> log.read(StreamFilter.of("even"), 1, 10), "compacted into its snapshot at sequence 60",
                    "read from 61");
            assertMessage(() -> log.subscribe(StreamFilter.of("odd"), 3, e -> { }), "snapshot at sequence 59");
        }
        try (FileEventLog log = TestLogs.open(dir)) {
            assertTrue(log.status().firstSequence() > 1, "compaction is durable");
            assertEquals(100, log.lastSequence());
        }
    }

    @Test
    void anEmptiedLogKeepsItsSequence() {
        try (FileEventLog log = TestLogs.open(dir)) {
            fill(log, 50);
            log.saveSnapshot("even", 50, new byte[0]);
            log.saveSnapshot("odd", 49, new byte[0]);
            CompactionResult r = log.compact();
            assertTrue(r.eventsRemoved() > 0);
            assertEquals(51, append(log, "even", "t", "after"));
        }
    }

    @Test
    void aSubscriptionFromTheSnapshotSeesEverythingAfterIt() throws Exception {
        try (FileEventLog log = TestLogs.open(dir)) {
            fill(log, 60);
            log.saveSnapshot("even", 40, new byte[0]);
            log.saveSnapshot("odd", 41, new byte[0]);
            log.compact();
            CountDownLatch got = new CountDownLatch(10);
            try (var s = log.subscribe(StreamFilter.of("even"), 41, e -> got.countDown())) {
                assertTrue(got.await(20, TimeUnit.SECONDS));
            }
        }
    }
}
