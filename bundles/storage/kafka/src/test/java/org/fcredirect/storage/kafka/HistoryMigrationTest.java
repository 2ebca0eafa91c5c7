package org.fcredirect.storage.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.fcredirect.storage.api.Appended;
import org.fcredirect.storage.api.DurabilityMode;
import org.fcredirect.storage.api.HistoryImportResult;
import org.fcredirect.storage.api.NewEvent;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.impl.FileEventLog;
import org.fcredirect.storage.impl.FileLogExport;
import org.fcredirect.storage.impl.LogSettings;
import org.fcredirect.storage.testkit.ForwardingEventLog;
import org.fcredirect.storage.testkit.InMemoryEventLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryMigrationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    /** Source: writes of 1, 3 (one appendAll), 1 and 1 events; snapshots of policy at 3, flow at 4. */
    private void writeFileLog() throws Exception {
        try (FileEventLog log = FileEventLog.open(LogSettings.of(dir, LogSettings.MIN_SEGMENT_BYTES,
                DurabilityMode.FSYNC, 1, 0))) {
            log.append("flow", "created", bytes("f1")).get(10, TimeUnit.SECONDS);
            log.appendAll(List.of(NewEvent.of("flow", "created", bytes("f2")),
                    NewEvent.of("policy", "added", bytes("p1")),
                    NewEvent.of("flow", "updated", bytes("f2b")))).get(10, TimeUnit.SECONDS);
            log.saveSnapshot("policy", 3, bytes("policies as of 3"));
            log.append("config", "set", bytes("c1")).get(10, TimeUnit.SECONDS);
            log.saveSnapshot("flow", 4, bytes("flows as of 4"));
            log.append("flow", "deleted", bytes("f1-")).get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void copiesEveryEventInOrderKeepsAtomicWritesTogetherAndTranslatesSnapshots() throws Exception {
        writeFileLog();
        MarkerSpendingLog target = new MarkerSpendingLog();
        List<String> progress = new ArrayList<>();
        HistoryImportResult result;
        try (FileLogExport source = FileLogExport.open(dir)) {
            result = new HistoryMigration(target, "the test history", WAIT, 2).copy(source, progress::add);
        }
        List<StoredEvent> copied = target.memory.events().stream().filter(e -> !e.stream().equals("marker")).toList();
        assertEquals(List.of("f1", "f2", "p1", "f2b", "c1", "f1-"), copied.stream().map(HistoryMigrationTest::text).toList());
        // batches of at most two events, but the three-event write alone in one batch: 1 | 2 3 4 | 5 6,
        // each followed by the marker the target spends
        assertEquals(List.of(1L, 3L, 4L, 5L, 7L, 8L), copied.stream().map(StoredEvent::sequence).toList());
        assertEquals(List.of(1, 3, 2), target.batchSizes);
        // policy's snapshot at source 3 (event p1) is at 4 here; flow's at source 4 (f2b) at 5
        assertEquals(4, target.memory.loadSnapshot("policy").orElseThrow().sequence());
        assertEquals(5, target.memory.loadSnapshot("flow").orElseThrow().sequence());
        assertEquals("flows as of 4", new String(target.memory.loadSnapshot("flow").orElseThrow().data(),
                StandardCharsets.UTF_8));
        assertEquals(6, result.events());
        assertEquals(List.of("flow", "policy", "config"), result.streams());
        assertEquals(2, result.snapshots());
        assertEquals(8, result.lastSequence());
        assertTrue(progress.get(0).contains("sequences 1..6, 2 snapshots"), progress.get(0));
        assertTrue(result.toString().startsWith("copied 6 events of 3 streams [flow, policy, config] and 2 snapshots from "
                + dir), result.toString());
    }

    @Test
    void refusesAHistoryThatIsNotEmptySoASecondMigrationIsRefused() throws Exception {
        writeFileLog();
        InMemoryEventLog target = new InMemoryEventLog();
        try (FileLogExport source = FileLogExport.open(dir)) {
            new HistoryMigration(target, "the test history", WAIT).copy(source, line -> { });
        }
        assertEquals(6, target.events().size());
        try (FileLogExport source = FileLogExport.open(dir)) {
            StorageException e = assertThrows(StorageException.class,
                    () -> new HistoryMigration(target, "the test history", WAIT).copy(source, line -> { }));
            assertTrue(e.getMessage().startsWith("the test history is not empty (it holds sequences up to 6)"), e.getMessage());
        }
        assertEquals(6, target.events().size());
    }

    @Test
    void aFailedWriteSaysHowFarTheCopyGot() throws Exception {
        writeFileLog();
        InMemoryEventLog target = new InMemoryEventLog();
        target.failAppends(true);
        try (FileLogExport source = FileLogExport.open(dir)) {
            StorageException e = assertThrows(StorageException.class,
                    () -> new HistoryMigration(target, "the test history", WAIT).copy(source, line -> { }));
            assertTrue(e.getMessage().startsWith("copy stopped after 0 events"), e.getMessage());
            assertTrue(e.getMessage().contains("injected by the test"), e.getMessage());
        }
    }

    @Test
    void theServiceRefusesMalformedSourcesBeforeTouchingKafka() throws Exception {
        KafkaStorageManager manager = new KafkaStorageManager();
        for (String bad : new String[] {null, "", "   "}) {
            assertMessage(() -> manager.importHistory(bad, line -> { }), "directory is missing");
        }
        assertMessage(() -> manager.importHistory("bad\u0000path", line -> { }), "is not a path");
        assertMessage(() -> manager.importHistory("data/fcr/eventlog", line -> { }), "absolute path");
        assertMessage(() -> manager.importHistory(dir.resolve("nothing").toString(), line -> { }), "not a directory");
        Files.createDirectories(dir.resolve("empty"));
        assertMessage(() -> manager.importHistory(dir.resolve("empty").toString(), line -> { }), "holds no *.seg");
        writeFileLog();
        assertMessage(() -> manager.importHistory(dir.toString(), line -> { }), "not active");
    }

    private static void assertMessage(Runnable call, String part) {
        StorageException e = assertThrows(StorageException.class, call::run);
        assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should mention '" + part + "'");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(StoredEvent e) {
        return new String(e.payload(), StandardCharsets.UTF_8);
    }

    /** Spends a position after every appendAll, as Kafka's transaction markers do. */
    private static final class MarkerSpendingLog extends ForwardingEventLog {
        final InMemoryEventLog memory;
        final List<Integer> batchSizes = new ArrayList<>();

        MarkerSpendingLog() {
            this(new InMemoryEventLog());
        }

        private MarkerSpendingLog(InMemoryEventLog memory) {
            super(memory);
            this.memory = memory;
        }

        @Override
        public CompletableFuture<Appended> append(String stream, String type, byte[] payload) {
            return appendAll(List.of(NewEvent.of(stream, type, payload))).thenApply(l -> l.get(0));
        }

        @Override
        public CompletableFuture<List<Appended>> appendAll(List<NewEvent> events) {
            batchSizes.add(events.size());
            List<NewEvent> withMarker = new ArrayList<>(events);
            withMarker.add(NewEvent.of("marker", "commit", new byte[0]));
            return memory.appendAll(withMarker).thenApply(l -> l.subList(0, events.size()));
        }
    }
}
