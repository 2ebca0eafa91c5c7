package org.fcredirect.fastpath.impl;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * A scheduler on virtual time: nothing runs until the test {@link #advance advances} it, and then
 * every task that fell due runs on the test's thread, in time order.
 */
final class ManualScheduler implements Scheduler {
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long nowMillis;
    private long sequence;

    private record Task(long dueMillis, long sequence, Runnable work) implements Comparable<Task> {
        @Override
        public int compareTo(Task o) {
            int c = Long.compare(dueMillis, o.dueMillis);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    @Override
    public synchronized Cancellable after(Duration delay, Runnable work) {
        Task t = new Task(nowMillis + delay.toMillis(), sequence++, work);
        tasks.add(t);
        return () -> {
            synchronized (this) {
                tasks.remove(t);
            }
        };
    }

    /** Moves time forward by {@code millis}, running what falls due on the way (a zero advance runs what is due now). */
    void advanceMillis(long millis) {
        long target = nowMillis + millis;
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.dueMillis() > target) {
                    break;
                }
                tasks.poll();
                nowMillis = Math.max(nowMillis, next.dueMillis());
            }
            next.work().run();
        }
        nowMillis = target;
    }

    synchronized int pending() {
        return tasks.size();
    }
}
