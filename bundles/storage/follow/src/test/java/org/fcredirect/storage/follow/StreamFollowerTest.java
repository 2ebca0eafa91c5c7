package org.fcredirect.storage.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.testkit.InMemoryEventLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamFollowerTest {
    private final InMemoryEventLog log = new InMemoryEventLog();
    private final List<Long> applied = new CopyOnWriteArrayList<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private StreamFollower follower;

    private void apply(List<StoredEvent> events) {
        events.forEach(e -> applied.add(e.sequence()));
    }

    private long append(String stream) throws Exception {
        return log.append(stream, "t", new byte[] {1}).get().sequence();
    }

    @AfterEach
    void close() {
        if (follower != null) {
            follower.close();
        }
    }

    @Test
    void appliesEveryNodesEventsOfItsStreamInOrderOnItsThreadWhenIdle() throws Exception {
        append("s");
        follower = new StreamFollower(log, "s", "test-follower", () -> {
            follower.drain(this::apply);
            if (applied.contains(4L)) {
                caughtUp.countDown();
            }
        });
        follower.start(2);
        append("other");
        append("s");
        append("s");
        assertTrue(caughtUp.await(10, TimeUnit.SECONDS));
        assertEquals(List.of(3L, 4L), applied);
    }

    @Test
    void waitsForAnAppendedEventAndAppliesWhatCameBeforeIt() throws Exception {
        follower = new StreamFollower(log, "s", "test-follower", () -> { });
        follower.start(1);
        append("s");
        long mine = append("s");
        assertTrue(follower.drainThrough(mine, 10_000, this::apply));
        assertEquals(List.of(1L, 2L), applied);
    }

    @Test
    void givesUpWhenTheEventDoesNotArriveInTime() throws Exception {
        follower = new StreamFollower(log, "s", "test-follower", () -> { });
        follower.start(1);
        long started = System.nanoTime();
        assertFalse(follower.drainThrough(5, 100, this::apply));
        assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(100));
        assertEquals(0, follower.drain(this::apply));
    }

    @Test
    void saysWhyItsOwnAppendIsNotAppliedYet() throws Exception {
        follower = new StreamFollower(log, "s", "test-follower", () -> { });
        follower.start(1);
        long mine = append("s");
        assertTrue(follower.awaitOwn(mine, 10_000, this::apply).isEmpty());
        assertEquals("stored the change as sequence 9, but it did not come back from the log within 50 ms; it applies"
                + " when it does", follower.awaitOwn(9, 50, this::apply).orElseThrow());
    }

    @Test
    void stopsItsThreadOnClose() throws Exception {
        follower = new StreamFollower(log, "s", "test-follower-closing", () -> { });
        follower.start(1);
        follower.close();
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("test-follower-closing")));
    }

    @Test
    void aChangeYieldsToAStarvingNodeUntilItsChangeGetsThrough() throws Exception {
        follower = new StreamFollower(log, "s", "test-follower", () -> { });
        follower.start(1);
        long[] starving = {7};
        Thread loser = new Thread(() -> {
            try {
                append("s");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        loser.start();
        follower.yieldTo(() -> starving[0], 10_000, events -> {
            apply(events);
            starving[0] = 0;
        });
        loser.join();
        assertEquals(List.of(1L), applied, "held until the other node's change was applied");
    }

    @Test
    void holdsAtMostItsLimitOncePerLossAndNotAtAllWithoutOne() throws Exception {
        follower = new StreamFollower(log, "s", "test-follower", () -> { });
        follower.start(1);
        assertTrue(heldMillis(0, 10_000) < 5000, "no hold without a starving node");
        long held = heldMillis(3, 100);
        assertTrue(held >= 100 && held < 5000, held + " ms");
        assertTrue(heldMillis(3, 10_000) < 5000, "that loss was waited for once already");
        assertTrue(heldMillis(5, 100) >= 100, "a later loss");
    }

    private long heldMillis(long starvingLoss, long holdMillis) {
        long started = System.nanoTime();
        follower.yieldTo(() -> starvingLoss, holdMillis, this::apply);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
