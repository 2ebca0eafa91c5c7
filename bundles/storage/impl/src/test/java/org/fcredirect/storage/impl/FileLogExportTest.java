package org.fcredirect.storage.impl;

import static org.fcredirect.storage.impl.TestLogs.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fcredirect.storage.api.NewEvent;
import org.fcredirect.storage.api.Snapshot;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StoredEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLogExportTest {
    @TempDir
    Path dir;

    @Test
    void handsOverEveryEventOneWriteAtATimeAndTheNewestSnapshots() throws Exception {
        try (FileEventLog log = TestLogs.open(dir)) {
            log.append("flow", "created", payload("f1")).get(10, TimeUnit.SECONDS);
            log.appendAll(List.of(NewEvent.of("flow", "created", payload("f2")),
                    NewEvent.of("policy", "added", payload("p1")),
                    NewEvent.of("flow", "updated", payload("f2b")))).get(10, TimeUnit.SECONDS);
            log.saveSnapshot("policy", 3, payload("policy state"));
            log.append("config", "set", payload("c1")).get(10, TimeUnit.SECONDS);
            log.saveSnapshot("flow", 4, payload("flow state"));
        }
        List<List<StoredEvent>> writes = new ArrayList<>();
        try (FileLogExport export = FileLogExport.open(dir)) {
            assertEquals(1, export.firstSequence());
            assertEquals(5, export.lastSequence());
            assertEquals(5, export.eachWrite(writes::add));
            List<Snapshot> snaps = export.snapshots();
            assertEquals(List.of("policy", "flow"), snaps.stream().map(Snapshot::stream).toList());
            assertEquals(List.of(3L, 4L), snaps.stream().map(Snapshot::sequence).toList());
        }
        assertEquals(List.of(1, 3, 1), writes.stream().map(List::size).toList());
        assertEquals(List.of("f2", "p1", "f2b"), writes.get(1).stream().map(TestLogs::text).toList());
        assertEquals(5, writes.get(2).get(0).sequence());
    }

    @Test
    void refusesWhatIsNotAFileLogAndALogStillOpen() throws Exception {
        assertMessage(() -> FileLogExport.open(Path.of("relative/eventlog")), "absolute path");
        assertMessage(() -> FileLogExport.open(dir.resolve("missing")), "not a directory");
        Files.writeString(dir.resolve("notes.txt"), "not a log");
        assertMessage(() -> FileLogExport.open(dir), "holds no *.seg segment");
        Path logDir = Files.createDirectory(dir.resolve("log"));
        try (FileEventLog running = TestLogs.open(logDir)) {
            running.append("flow", "created", payload("f1")).get(10, TimeUnit.SECONDS);
            StorageException e = assertThrows(StorageException.class, () -> FileLogExport.open(logDir));
            assertTrue(e.getMessage().contains(logDir.toString()), e.getMessage());
        }
    }

    private static void assertMessage(Runnable call, String part) {
        StorageException e = assertThrows(StorageException.class, call::run);
        assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should mention '" + part + "'");
    }
}
