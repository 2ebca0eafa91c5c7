package org.fcredirect.storage.impl;

import static org.fcredirect.storage.impl.TestLogs.append;
import static org.fcredirect.storage.impl.TestLogs.assertGapless;
import static org.fcredirect.storage.impl.TestLogs.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.fcredirect.storage.api.Appended;
import org.fcredirect.storage.api.DurabilityMode;
import org.fcredirect.storage.api.NewEvent;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StorageStatus;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.api.StreamFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultTest {
    @TempDir
    Path dir;

    private final FaultyChannels channels = new FaultyChannels();

    private FileEventLog open() {
        return TestLogs.open(TestLogs.settings(dir), channels, 64);
    }

    private static StorageException failure(CompletableFuture<?> f) throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(StorageException.class, e.getCause());
    }

    /** After the fault clears the numbering resumes where it stopped, and a reopen finds no trace of the failed events. */
    private void assertRecoversAfterFault(FileEventLog log, String failedPayload) {
        channels.clear();
        assertEquals(3, append(log, "flow", "t", "third"));
        StorageStatus s = log.status();
        assertFalse(s.faulted());
        assertTrue(s.lastError().isPresent(), "the last error stays visible");
        log.close();
        try (FileEventLog reopened = TestLogs.open(dir)) {
            List<StoredEvent> all = assertGapless(reopened, 3);
            assertEquals(List.of("first", "second", "third"), all.stream().map(TestLogs::text).toList());
            assertEquals(0, reopened.status().truncatedOnRecovery());
            assertTrue(all.stream().noneMatch(e -> TestLogs.text(e).equals(failedPayload)));
        }
    }

    @Test
    void aDiskFullWriteFailsTheAppendAndLeavesTheLogConsistent() throws Exception {
        FileEventLog log = open();
        append(log, "flow", "t", "first");
        append(log, "flow", "t", "second");
        channels.failWrites.set(true);
        StorageException e = failure(log.append("flow", "t", payload("lost-on-full-disk")));
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertTrue(e.getMessage().contains(Segment.fileName(1)) && e.getMessage().contains("offset"), e.getMessage());
        assertTrue(e.getMessage().contains("log is unchanged"), e.getMessage());
        StorageStatus s = log.status();
        assertTrue(s.faulted());
        assertEquals(1, s.failedAppends());
        assertTrue(s.lastError().orElseThrow().contains("No space left on device"));
        assertTrue(s.warnings().stream().anyMatch(w -> w.startsWith("APPENDS ARE FAILING")), s.warnings().toString());
        assertEquals(2, log.lastSequence());
        assertEquals(2, TestLogs.readAll(log, StreamFilter.all(), 1).size(), "readers never see the failed write");
        assertRecoversAfterFault(log, "lost-on-full-disk");
    }

    @Test
    void aFailedForceFailsTheAppendAndItsEventsNeverReappear() throws Exception {
        FileEventLog log = open();
        append(log, "flow", "t", "first");
        append(log, "flow", "t", "second");
        channels.failForces.set(true);
        StorageException e = failure(log.append("flow", "t", payload("written-but-not-forced")));
        assertTrue(e.getMessage().contains("Input/output error"), e.getMessage());
        assertTrue(log.status().faulted());
        // a longer failed write first, so the successful one after it is shorter than what it overwrites
        failure(log.appendAll(List.of(NewEvent.of("flow", "t", new byte[300]),
                NewEvent.of("flow", "t", new byte[300]))));
        assertRecoversAfterFault(log, "written-but-not-forced");
    }

    @Test
    void aSegmentThatCannotBeCreatedFailsTheAppendUntilSpaceReturns() throws Exception {
        FileEventLog log = open();
        TestLogs.await(() -> Files.exists(dir.resolve(SpareSegment.NAME)), "the spare segment is ready");
        byte[] big = new byte[700 * 1024];
        log.append("flow", "t", big).get(10, TimeUnit.SECONDS);
        log.append("flow", "t", big).get(10, TimeUnit.SECONDS);
        channels.failCreates.set(true);
        assertEquals(3, log.append("flow", "t", big).get(10, TimeUnit.SECONDS).sequence(), "the spare made in advance");
        log.append("flow", "t", big).get(10, TimeUnit.SECONDS);
        StorageException e = failure(log.append("flow", "t", big));
        assertTrue(e.getMessage().contains("could not start a new segment"), e.getMessage());
        assertTrue(log.status().faulted());
        assertEquals(2, TestLogs.segments(dir).size(), "no half-made segment left");
        channels.clear();
        Appended a = log.append("flow", "t", big).get(10, TimeUnit.SECONDS);
        assertEquals(5, a.sequence());
        assertEquals(3, TestLogs.segments(dir).size());
        log.close();
        assertTrue(Files.notExists(dir.resolve(SpareSegment.NAME)), "a closed log leaves no spare behind");
    }

    @Test
    void eachBatchIsOneWriteAndOneForce() throws Exception {
        try (FileEventLog log = open()) {
            TestLogs.await(() -> Files.exists(dir.resolve(SpareSegment.NAME)), "the spare segment is ready");
            int writes = channels.writes.get();
            int forces = channels.forces.get();
            log.appendAll(List.of(NewEvent.of("flow", "a", new byte[10]),
                    NewEvent.of("flow", "b", new byte[10]),
                    NewEvent.of("flow", "c", new byte[10]))).get(10, TimeUnit.SECONDS);
            assertEquals(writes + 1, channels.writes.get());
            assertEquals(forces + 1, channels.forces.get());
            log.reconfigure(log.settings().withDurability(DurabilityMode.NONE));
            append(log, "flow", "t", "unforced");
            assertEquals(forces + 1, channels.forces.get(), "none never forces");
        }
    }

    /** Two events that take a whole segment, too big for what is left of the first one. */
    private static List<NewEvent> fillingASegment() {
        byte[] half = new byte[GroupCommitWriter.MAX_REQUEST_BYTES / 2 - RecordCodec.recordSize("flow", "t", 0)];
        return List.of(NewEvent.of("flow", "t", half), NewEvent.of("flow", "t", half));
    }

    /** A log whose last write was torn and could not be rolled back: its bytes stay past the segment's end. */
    private FileEventLog withTornWriteLeftOver() throws Exception {
        FileEventLog log = open();
        append(log, "flow", "t", "first");
        append(log, "flow", "t", "second");
        channels.readOnlyAfterTornWrite.set(true);
        failure(log.append("flow", "t", new byte[700 * 1024]));
        return log;
    }

    /** Closes the log and checks that a reopen finds exactly these events, gapless. */
    private void assertHoldsAfterReopen(FileEventLog log, String... texts) {
        log.close();
        try (FileEventLog reopened = TestLogs.open(dir)) {
            assertEquals(List.of(texts), assertGapless(reopened, texts.length).stream().map(TestLogs::text).toList());
        }
    }

    @Test
    void aRollAfterAFailedWriteClearsItsLeftoversBeforeSealingTheSegment() throws Exception {
        FileEventLog log = withTornWriteLeftOver();
        channels.clear();
        assertEquals(3, log.appendAll(fillingASegment()).get(10, TimeUnit.SECONDS).get(0).sequence());
        assertEquals(2, TestLogs.segments(dir).size());
        log.close();
        try (FileEventLog reopened = TestLogs.open(dir)) {
            assertGapless(reopened, 4);
        }
    }

    @Test
    void aRollIsRefusedWhileTheLeftoversOfAFailedWriteCannotBeCleared() throws Exception {
        FileEventLog log = withTornWriteLeftOver();
        StorageException e = failure(log.appendAll(fillingASegment()));
        assertTrue(e.getMessage().contains("before sealing it"), e.getMessage());
        assertEquals(1, TestLogs.segments(dir).size(), "the damaged segment stays the active one");
        assertRecoversAfterFault(log, "never-written");
    }

    @Test
    void anInterruptedWriterServesTheNextAppendDurably() throws Exception {
        FileEventLog log = open();
        append(log, "flow", "t", "first");
        Thread writer = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("fcr-eventlog-writer " + dir))
                .findFirst().orElseThrow();
        TestLogs.await(() -> writer.getState() == Thread.State.WAITING, "the writer waits for appends");
        writer.interrupt();
        TestLogs.await(() -> !writer.isInterrupted(), "the writer took the interrupt");
        append(log, "flow", "t", "second");
        assertHoldsAfterReopen(log, "first", "second");
    }

    @Test
    void aWriteCutByAnInterruptClosesItsChannelAndTheNextAppendOpensItAnew() throws Exception {
        FileEventLog log = open();
        append(log, "flow", "t", "first");
        channels.interruptWrites.set(true);
        failure(log.append("flow", "t", payload("cut")));
        channels.clear();
        append(log, "flow", "t", "second");
        assertHoldsAfterReopen(log, "first", "second");
    }

    @Test
    void aWriterCrashFailsOnlyTheBatchInHand() throws Exception {
        FileEventLog log = open();
        append(log, "flow", "t", "first");
        channels.crashWrites.set(true);
        StorageException e = failure(log.append("flow", "t", payload("crashed")));
        assertTrue(e.getMessage().contains("driver bug"), e.getMessage());
        channels.clear();
        append(log, "flow", "t", "second");
        assertHoldsAfterReopen(log, "first", "second");
    }
}
