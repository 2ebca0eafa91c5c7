package org.fcredirect.storage.impl;

import static org.fcredirect.storage.impl.TestLogs.append;
import static org.fcredirect.storage.impl.TestLogs.assertGapless;
import static org.fcredirect.storage.impl.TestLogs.payload;
import static org.fcredirect.storage.impl.TestLogs.readAll;
import static org.fcredirect.storage.impl.TestLogs.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.fcredirect.storage.api.Appended;
import org.fcredirect.storage.api.DurabilityMode;
import org.fcredirect.storage.api.EventPage;
import org.fcredirect.storage.api.EventRules;
import org.fcredirect.storage.api.NewEvent;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.api.StreamFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppendAndReadTest {
    @TempDir
    Path dir;

    @Test
    void sequencesStartAtOneAndTimestampsNeverDecrease() throws Exception {
        try (FileEventLog log = TestLogs.open(dir)) {
            assertEquals(0, log.lastSequence());
            Appended previous = null;
            for (int i = 1; i <= 50; i++) {
                Appended a = log.append("flow", "created", payload("f" + i)).get(10, TimeUnit.SECONDS);
                assertEquals(i, a.sequence());
                if (previous != null) {
                    assertFalse(a.timestamp().isBefore(previous.timestamp()));
                }
                previous = a;
            }
            List<StoredEvent> all = assertGapless(log, 50);
            assertEquals("f50", text(all.get(49)));
            assertEquals(previous.timestamp(), all.get(49).timestamp());
            assertEquals("flow", all.get(0).stream());
            assertEquals("created", all.get(0).type());
        }
    }

    @Test
    void eventsSurviveReopenAndNumberingContinues() {
        try (FileEventLog log = TestLogs.open(dir)) {
            append(log, "flow", "created", "a");
            append(log, "policy", "set", "b");
        }
        try (FileEventLog log = TestLogs.open(dir)) {
            assertEquals(2, log.lastSequence());
            assertEquals(3, append(log, "config", "changed", "c"));
            List<StoredEvent> all = assertGapless(log, 3);
            assertEquals(List.of("a", "b", "c"), all.stream().map(TestLogs::text).toList());
        }
    }

    @Test
    void appendAllStoresConsecutiveSequencesInListOrder() throws Exception {
        try (FileEventLog log = TestLogs.open(dir)) {
            append(log, "flow", "created", "first");
            List<Appended> r = log.appendAll(List.of(NewEvent.of("flow", "a", payload("1")),
                    NewEvent.of("policy", "b", payload("2")), NewEvent.of("flow", "c", payload("3"))))
                    .get(10, TimeUnit.SECONDS);
            assertEquals(List.of(2L, 3L, 4L), r.stream().map(Appended::sequence).toList());
            assertEquals(List.of("first", "1", "2", "3"), assertGapless(log, 4).stream().map(TestLogs::text).toList());
        }
    }

    @Test
    void readsPagesOfAStreamAndSaysWhereToGoOn() {
        try (FileEventLog log = TestLogs.open(dir)) {
            for (int i = 1; i <= 30; i++) {
                append(log, i % 3 == 0 ? "policy" : "flow", "t", "p" + i);
            }
            EventPage page = log.read(StreamFilter.of("policy"), 1, 4);
            assertEquals(List.of(3L, 6L, 9L, 12L), page.events().stream().map(StoredEvent::sequence).toList());
            assertEquals(13, page.nextSequence());
            assertFalse(page.endOfLog());
            EventPage rest = log.read(StreamFilter.of("policy"), page.nextSequence(), 100);
            assertEquals(6, rest.events().size());
            assertTrue(rest.endOfLog());
            assertEquals(31, rest.nextSequence());
            EventPage empty = log.read(StreamFilter.all(), 31, 10);
            assertTrue(empty.events().isEmpty());
            assertTrue(empty.endOfLog());
            assertEquals(20, log.read(StreamFilter.of("flow", "policy"), 11, 100).events().size());
        }
    }

    @Test
    void replayStopsWhenTheHandlerSaysSo() {
        try (FileEventLog log = TestLogs.open(dir)) {
            for (int i = 1; i <= 10; i++) {
                append(log, "flow", "t", "p" + i);
            }
            List<Long> seen = new ArrayList<>();
            long next = log.replay(StreamFilter.all(), 4, e -> {
                seen.add(e.sequence());
                return e.sequence() < 6;
            });
            assertEquals(List.of(4L, 5L, 6L), seen);
            assertEquals(7, next);
            assertEquals(11, log.replay(StreamFilter.all(), 7, e -> true));
        }
    }

    @Test
    void readsFromEverySequenceAcrossRolledSegments() {
        byte[] big = new byte[100 * 1024];
        try (FileEventLog log = TestLogs.open(dir)) {
            for (int i = 0; i < 60; i++) {
                big[0] = (byte) i;
                log.append(i % 2 == 0 ? "flow" : "policy", "t", big).join();
            }
        }
        try (FileEventLog log = TestLogs.open(dir)) {
            assertTrue(Integer.parseInt(log.status().details().get("segments")) >= 3, log.status().details().toString());
            for (long from = 1; from <= 60; from++) {
                StoredEvent first = log.read(StreamFilter.all(), from, 1).events().get(0);
                assertEquals(from, first.sequence());
                assertEquals((byte) (from - 1), first.payload()[0]);
            }
            assertGapless(log, 60);
            assertEquals(30, readAll(log, StreamFilter.of("policy"), 1).size());
        }
    }

    @Test
    void concurrentAppendersGetDistinctGaplessSequencesInTheirOwnOrder() throws Exception {
        int threads = 4;
        int perThread = 2000;
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        try (FileEventLog log = TestLogs.open(dir)) {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String stream = "s" + t;
                done.add(CompletableFuture.runAsync(() -> {
                    List<CompletableFuture<Appended>> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(log.append(stream, "t", payload(Integer.toString(i))));
                    }
                    long last = 0;
                    for (CompletableFuture<Appended> f : mine) {
                        long s = f.join().sequence();
                        assertTrue(s > last, "a thread's appends keep their order");
                        assertTrue(seen.add(s), "sequence " + s + " given twice");
                        last = s;
                    }
                }));
            }
            CompletableFuture.allOf(done.toArray(new CompletableFuture[0])).get(30, TimeUnit.SECONDS);
            assertGapless(log, (long) threads * perThread);
            for (int t = 0; t < threads; t++) {
                List<String> payloads = readAll(log, StreamFilter.of("s" + t), 1).stream().map(TestLogs::text).toList();
                for (int i = 0; i < perThread; i++) {
                    assertEquals(Integer.toString(i), payloads.get(i));
                }
            }
            long writes = Long.parseLong(log.status().details().get("writes"));
            assertTrue(writes < threads * perThread, "group commit shared writes: " + writes);
        }
    }

    @Test
    void aPayloadIsCopiedOnTheWayInAndOut() {
        byte[] p = payload("original");
        try (FileEventLog log = TestLogs.open(dir)) {
            CompletableFuture<Appended> f = log.append("flow", "t", p);
            p[0] = 'X';
            f.join();
            StoredEvent e = log.read(StreamFilter.all(), 1, 1).events().get(0);
            e.payload()[0] = 'Y';
            assertArrayEquals(payload("original"), e.payload());
        }
    }

    @Test
    void largestPayloadIsStoredAndOneByteMoreIsRefused() {
        byte[] max = new byte[EventRules.MAX_PAYLOAD_BYTES];
        max[max.length - 1] = 7;
        try (FileEventLog log = TestLogs.open(dir)) {
            log.append("flow", "big", max).join();
            assertArrayEquals(max, log.read(StreamFilter.all(), 1, 1).events().get(0).payload());
            StorageException e = assertThrows(StorageException.class,
                    () -> log.append("flow", "big", new byte[EventRules.MAX_PAYLOAD_BYTES + 1]));
            assertTrue(e.getMessage().contains("1048577 bytes") && e.getMessage().contains("1048576"), e.getMessage());
        }
    }

    @Test
    void badInputIsRefusedWithTheValueAndTheRule() {
        try (FileEventLog log = TestLogs.open(dir)) {
            assertMessage(() -> log.append("Flow", "t", new byte[0]), "'Flow'", EventRules.NAME_RULE);
            assertMessage(() -> log.append("flow", "", new byte[0]), "event type name ''", EventRules.NAME_RULE);
            assertMessage(() -> log.append(null, "t", new byte[0]), "stream name is missing");
            assertMessage(() -> log.append("flow", "t", null), "payload", "null");
            assertMessage(() -> log.append("a".repeat(65), "t", new byte[0]), "does not match");
            assertMessage(() -> log.appendAll(List.of()), "at least one event");
            assertMessage(() -> log.appendAll(Collections.nCopies(EventRules.MAX_EVENTS_PER_APPEND + 1,
                    NewEvent.of("flow", "t", new byte[0]))), "65536 events", "split it");
            assertMessage(() -> log.appendAll(Collections.nCopies(3,
                    NewEvent.of("flow", "t", new byte[EventRules.MAX_PAYLOAD_BYTES]))), "stored atomically", "split it");
            assertMessage(() -> log.read(StreamFilter.all(), -1, 10), "-1 is negative");
            assertMessage(() -> log.read(StreamFilter.all(), 1, 0), "at least 1");
            assertMessage(() -> log.subscribe(StreamFilter.all(), -5, e -> { }), "-5 is negative");
            assertMessage(() -> StreamFilter.of(), "at least one stream");
            assertEquals(0, log.lastSequence(), "nothing was stored");
        }
    }

    @Test
    void aClosedLogRefusesAppends() {
        FileEventLog log = TestLogs.open(dir);
        log.close();
        assertMessage(() -> log.append("flow", "t", new byte[0]), "closed");
        assertFalse(log.status().open());
    }

    @Test
    void statusShowsFiguresAndShoutsWhenNotDurable() {
        try (FileEventLog log = TestLogs.open(dir)) {
            append(log, "flow", "t", "x");
            var s = log.status();
            assertEquals(1, s.lastSequence());
            assertEquals(1, s.eventCount());
            assertTrue(s.forceLatency().count() >= 1);
            assertTrue(s.warnings().isEmpty(), s.warnings().toString());
            assertEquals(dir.toString(), s.details().get("directory"));
            log.reconfigure(log.settings().withDurability(DurabilityMode.NONE));
            assertTrue(log.status().warnings().get(0).contains("DURABILITY IS NONE"));
        }
    }

    @Test
    void keepsOrderOfStreamsInTheWholeLog() {
        try (FileEventLog log = TestLogs.open(dir)) {
            Set<String> streams = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                String s = "stream." + (i % 5);
                streams.add(s);
                append(log, s, "t", "p" + i);
            }
            List<StoredEvent> all = readAll(log, StreamFilter.all(), 1);
            for (int i = 0; i < 20; i++) {
                assertEquals("stream." + (i % 5), all.get(i).stream());
            }
            assertEquals(5, streams.size());
        }
    }

    static void assertMessage(Runnable call, String... parts) {
        StorageException e = assertThrows(StorageException.class, call::run);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + e.getMessage() + "' should mention '" + p + "'");
        }
    }
}
