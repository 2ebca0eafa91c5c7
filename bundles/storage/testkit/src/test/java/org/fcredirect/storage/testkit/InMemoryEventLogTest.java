package org.fcredirect.storage.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.fcredirect.storage.api.Appended;
import org.fcredirect.storage.api.NewEvent;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.api.StreamFilter;
import org.fcredirect.storage.api.Subscription;
import org.junit.jupiter.api.Test;

class InMemoryEventLogTest {
    private final InMemoryEventLog log = new InMemoryEventLog();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(StoredEvent e) {
        return new String(e.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void sequencesAreGlobalAndGapless() throws Exception {
        assertEquals(1, log.append("a", "t", bytes("1")).get().sequence());
        List<Appended> two = log.appendAll(List.of(NewEvent.of("b", "t", bytes("2")), NewEvent.of("a", "t", bytes("3"))))
                .get();
        assertEquals(List.of(2L, 3L), two.stream().map(Appended::sequence).toList());
        assertEquals(3, log.lastSequence());
        assertEquals(List.of("1", "3"), log.events("a").stream().map(InMemoryEventLogTest::text).toList());
    }

    @Test
    void failedAppendStoresNothing() {
        log.failAppends(true);
        CompletableFuture<Appended> f = log.append("a", "t", bytes("x"));
        ExecutionException e = assertThrows(ExecutionException.class, f::get);
        assertTrue(e.getCause() instanceof StorageException);
        assertEquals(0, log.lastSequence());
        assertTrue(log.events().isEmpty());
    }

    @Test
    void invalidInputIsRefusedAtOnce() {
        assertThrows(StorageException.class, () -> log.append("Bad Name", "t", bytes("x")));
        assertThrows(StorageException.class, () -> log.appendAll(List.of()));
    }

    @Test
    void heldAppendsAreInvisibleUntilReleased() throws Exception {
        log.holdAppends(true);
        CompletableFuture<Appended> f = log.append("a", "t", bytes("x"));
        assertFalse(f.isDone());
        assertEquals(0, log.lastSequence());
        assertEquals(1, log.heldAppendCount());
        log.releaseHeldAppends();
        assertEquals(1, f.get().sequence());
    }

    @Test
    void replayStartsAfterTheSnapshotAndCompactionDropsWhatItCovers() throws Exception {
        for (int i = 1; i <= 5; i++) {
            log.append("a", "t", bytes(Integer.toString(i))).get();
        }
        log.saveSnapshot("a", 3, bytes("state@3"));
        assertEquals(3, log.compact().eventsRemoved());
        assertThrows(StorageException.class, () -> log.replay(StreamFilter.of("a"), 1, e -> true));
        List<String> seen = new ArrayList<>();
        long next = log.replay(StreamFilter.of("a"), log.loadSnapshot("a").orElseThrow().sequence() + 1,
                e -> seen.add(text(e)));
        assertEquals(List.of("4", "5"), seen);
        assertEquals(6, next);
        assertThrows(StorageException.class, () -> log.saveSnapshot("a", 2, bytes("older")));
        assertThrows(StorageException.class, () -> log.saveSnapshot("a", 9, bytes("future")));
    }

    @Test
    void subscriptionDeliversStoredThenLiveEvents() throws Exception {
        log.append("a", "t", bytes("old")).get();
        List<String> seen = new CopyOnWriteArrayList<>();
        try (Subscription s = log.subscribe(StreamFilter.of("a"), 1, e -> seen.add(text(e)))) {
            log.append("b", "t", bytes("other")).get();
            log.append("a", "t", bytes("new")).get();
            await(() -> seen.size() == 2, "two events delivered");
            assertEquals(List.of("old", "new"), seen);
            await(() -> s.nextSequence() == 4, "the subscription to pass the last event");
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
