package org.fcredirect.storage.impl;

import static org.fcredirect.storage.impl.TestLogs.append;
import static org.fcredirect.storage.impl.TestLogs.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.fcredirect.storage.api.Appended;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.api.StreamFilter;
import org.fcredirect.storage.api.Subscriber;
import org.fcredirect.storage.api.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionTest {
    private static final long WAIT_SECONDS = 20;

    @TempDir
    Path dir;

    /** Collects events and counts down once it holds {@code expected} of them. */
    private static class Collector implements Subscriber {
        final List<StoredEvent> events = new ArrayList<>();
        final CountDownLatch done;
        final AtomicReference<StorageException> error = new AtomicReference<>();
        final CountDownLatch ended = new CountDownLatch(1);

        Collector(int expected) {
            done = new CountDownLatch(expected);
        }

        @Override
        public synchronized void onEvent(StoredEvent event) {
            events.add(event);
            done.countDown();
        }

        @Override
        public void onError(StorageException e) {
            error.set(e);
            ended.countDown();
        }

        synchronized List<Long> sequences() {
            return events.stream().map(StoredEvent::sequence).toList();
        }

        void await() throws InterruptedException {
            assertTrue(done.await(WAIT_SECONDS, TimeUnit.SECONDS), "only " + sequences().size() + " events arrived");
        }
    }

    private static List<Long> range(long from, long to) {
        List<Long> r = new ArrayList<>();
        for (long s = from; s <= to; s++) {
            r.add(s);
        }
        return r;
    }

    private static CompletableFuture<Void> appendAsync(FileEventLog log, String stream, int n) {
        return CompletableFuture.runAsync(() -> {
            List<CompletableFuture<Appended>> fs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                fs.add(log.append(stream, "t", payload(stream + i)));
            }
            fs.forEach(CompletableFuture::join);
        });
    }

    @Test
    void catchesUpThenGoesLiveWithEveryEventOnceInOrder() throws Exception {
        int stored = 3000;
        int live = 3 * 3000;
        try (FileEventLog log = TestLogs.open(TestLogs.settings(dir), ChannelFactory.DEFAULT, 256)) {
            appendAsync(log, "history", stored).get(WAIT_SECONDS, TimeUnit.SECONDS);
            Collector c = new Collector(stored + live);
            try (Subscription s = log.subscribe(StreamFilter.all(), 1, c)) {
                CompletableFuture.allOf(appendAsync(log, "a", 3000), appendAsync(log, "b", 3000), appendAsync(log, "c", 3000))
                        .get(WAIT_SECONDS, TimeUnit.SECONDS);
                c.await();
                assertEquals(range(1, stored + live), c.sequences());
                TestLogs.await(() -> s.nextSequence() == stored + live + 1, "the position moves past the last event");
                for (StoredEvent e : c.events.subList(stored, c.events.size())) {
                    assertTrue(e.stream().length() == 1, "live events come from the live appenders");
                }
            }
            assertNull(c.error.get());
        }
    }

    @Test
    void aFilteredSubscriptionFromTheMiddleSeesOnlyItsStream() throws Exception {
        try (FileEventLog log = TestLogs.open(dir)) {
            for (int i = 1; i <= 100; i++) {
                append(log, i % 2 == 0 ? "even" : "odd", "t", "p" + i);
            }
            Collector c = new Collector(25 + 50);
            try (Subscription s = log.subscribe(StreamFilter.of("even"), 51, c)) {
                for (int i = 101; i <= 200; i++) {
                    append(log, i % 2 == 0 ? "even" : "odd", "t", "p" + i);
                }
                c.await();
                List<Long> expected = new ArrayList<>();
                for (long q = 52; q <= 200; q += 2) {
                    expected.add(q);
                }
                assertEquals(expected, c.sequences());
                assertTrue(s.isLive() || s.nextSequence() > 200);
            }
        }
    }

    @Test
    void aSubscriptionFromAFutureSequenceStartsThere() throws Exception {
        try (FileEventLog log = TestLogs.open(dir)) {
            append(log, "flow", "t", "old");
            Collector c = new Collector(3);
            try (Subscription s = log.subscribe(StreamFilter.all(), log.lastSequence() + 5, c)) {
                TestLogs.await(s::isLive, "the subscription is live");
                for (int i = 0; i < 8; i++) {
                    append(log, "flow", "t", "new" + i);
                }
                c.await();
                assertEquals(range(6, 8), c.sequences().subList(0, 3));
            }
        }
    }

    @Test
    void aSlowSubscriberNeitherBlocksAppendersNorMissesAnything() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        int total = 2000;
        Collector c = new Collector(total) {
            @Override
            public synchronized void onEvent(StoredEvent event) {
                awaitRelease(release);
                super.onEvent(event);
            }
        };
        try (FileEventLog log = TestLogs.open(TestLogs.settings(dir), ChannelFactory.DEFAULT, 16)) {
            try (Subscription s = log.subscribe(StreamFilter.all(), 1, c)) {
                TestLogs.await(s::isLive, "the subscription is live");
                // the subscriber is stuck on its first event while all of these are stored
                appendAsync(log, "flow", total).get(WAIT_SECONDS, TimeUnit.SECONDS);
                assertEquals(total, log.lastSequence());
                release.countDown();
                c.await();
                assertEquals(range(1, total), c.sequences());
                assertTrue(s.overflows() >= 1, "fell back to storage at least once");
            }
        }
    }

    private static void awaitRelease(CountDownLatch release) {
        try {
            assertTrue(release.await(WAIT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void liveBufferOverflowFallsBackToStorageTransparently() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        int total = 500;
        Collector c = new Collector(total + 1) {
            @Override
            public synchronized void onEvent(StoredEvent event) {
                if (event.sequence() == 2) {
                    awaitRelease(gate);
                }
                super.onEvent(event);
            }
        };
        try (FileEventLog log = TestLogs.open(TestLogs.settings(dir), ChannelFactory.DEFAULT, 8)) {
            append(log, "flow", "t", "first");
            try (Subscription s = log.subscribe(StreamFilter.all(), 1, c)) {
                TestLogs.await(s::isLive, "the subscription is live");
                // holds event 2 while the live buffer overflows
                for (int i = 0; i < total; i++) {
                    append(log, "flow", "t", "x" + i);
                }
                gate.countDown();
                c.await();
                assertEquals(range(1, total + 1), c.sequences());
                assertTrue(s.overflows() >= 1, "overflows: " + s.overflows());
            }
        }
    }

    @Test
    void aSubscriberThatThrowsIsUnsubscribedAndTold() throws Exception {
        Collector c = new Collector(1) {
            @Override
            public synchronized void onEvent(StoredEvent event) {
                if (event.sequence() == 3) {
                    throw new IllegalStateException("boom");
                }
                super.onEvent(event);
            }
        };
        try (FileEventLog log = TestLogs.open(dir)) {
            for (int i = 0; i < 5; i++) {
                append(log, "flow", "t", "p" + i);
            }
            Subscription s = log.subscribe(StreamFilter.all(), 1, c);
            assertTrue(c.ended.await(WAIT_SECONDS, TimeUnit.SECONDS));
            assertTrue(c.error.get().getMessage().contains("threw on event #3"), c.error.get().getMessage());
            assertTrue(s.isClosed());
            assertEquals(List.of(1L, 2L), c.sequences());
            assertEquals("0", Integer.toString(log.status().subscriptions()));
        }
    }

    @Test
    void closingStopsDeliveryAndClosingTheLogEndsSubscriptions() throws Exception {
        FileEventLog log = TestLogs.open(dir);
        Collector closedByOwner = new Collector(1);
        Subscription s = log.subscribe(StreamFilter.all(), 1, closedByOwner);
        append(log, "flow", "t", "one");
        closedByOwner.await();
        s.close();
        assertTrue(s.isClosed());
        append(log, "flow", "t", "two");
        assertEquals(List.of(1L), closedByOwner.sequences());

        Collector endedByLog = new Collector(2);
        log.subscribe(StreamFilter.all(), 1, endedByLog);
        endedByLog.await();
        log.close();
        assertTrue(endedByLog.ended.await(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(endedByLog.error.get().getMessage().contains("closed"));
        assertNull(closedByOwner.error.get(), "a subscription its owner closed hears nothing more");
        assertFalse(endedByLog.events.size() > 2);
    }
}
