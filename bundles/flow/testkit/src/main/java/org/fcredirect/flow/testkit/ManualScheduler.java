package org.fcredirect.flow.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * A scheduler on virtual time: nothing runs until the test {@link #advance advances} the clock,
 * and then every task that fell due runs on the test's thread, in time order, with the clock set
 * to the task's due time. An impl's own scheduler interface adapts to it in one lambda:
 * {@code (delay, task) -> time.after(delay, task)::run}.
 */
public final class ManualScheduler {
    public final VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long sequence;

    private record Task(long dueMillis, long sequence, Runnable work) implements Comparable<Task> {
        @Override
        public int compareTo(Task o) {
            int c = Long.compare(dueMillis, o.dueMillis);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    /** Runs {@code work} once {@code delay} has passed; the answer cancels it while it has not run. */
    public synchronized Runnable after(Duration delay, Runnable work) {
        Task t = new Task(clock.millis() + delay.toMillis(), sequence++, work);
        tasks.add(t);
        return () -> {
            synchronized (this) {
                tasks.remove(t);
            }
        };
    }

    /** Moves time forward by {@code d}, running what falls due on the way (a zero advance runs what is due now). */
    public void advance(Duration d) {
        long target = clock.millis() + d.toMillis();
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.dueMillis() > target) {
                    break;
                }
                tasks.poll();
            }
            clock.set(Math.max(clock.millis(), next.dueMillis()));
            next.work().run();
        }
        clock.set(target);
    }

    public void advanceMillis(long ms) {
        advance(Duration.ofMillis(ms));
    }

    /** How many tasks wait to fall due. */
    public synchronized int pending() {
        return tasks.size();
    }
}
