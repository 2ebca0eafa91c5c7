package org.fcredirect.storage.impl;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.api.StreamFilter;

/**
 * The bounded hand-off between the writer and one subscription. The writer never waits on it:
 * when a batch does not fit, the buffer stops accepting and the subscription goes back to reading
 * stored events. {@link #goLive} and {@link #offer} take the same lock, which is what makes the
 * switch from stored to live events exact (see {@link #goLive}).
 */
final class LiveBuffer {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<StoredEvent> events = new ArrayDeque<>();
    private final StreamFilter filter;
    private final int capacity;

    private boolean accepting;
    private boolean closed;
    private long liveFrom;
    private long coveredThrough;

    LiveBuffer(StreamFilter filter, int capacity) {
        this.filter = filter;
        this.capacity = capacity;
    }

    /**
     * Starts accepting events. Reads the committed sequence under the lock the writer publishes
     * under, and the writer commits before it publishes: so every event up to the returned
     * sequence - 1 is stored (read it from storage), and every later one will be offered here.
     *
     * @return the first sequence this buffer will hold
     */
    long goLive(LongSupplier committed) {
        lock.lock();
        try {
            long c = committed.getAsLong();
            liveFrom = c + 1;
            coveredThrough = c;
            accepting = !closed;
            return liveFrom;
        } finally {
            lock.unlock();
        }
    }

    /** Writer thread: offers a committed batch ending at {@code lastSequence}. Never blocks for long. */
    void offer(List<StoredEvent> batch, long lastSequence) {
        lock.lock();
        try {
            if (!accepting || lastSequence < liveFrom) {
                return;
            }
            int matching = 0;
            for (StoredEvent e : batch) {
                if (e.sequence() >= liveFrom && filter.matches(e.stream())) {
                    matching++;
                }
            }
            if (events.size() + matching > capacity) {
                accepting = false;
                changed.signal();
                return;
            }
            for (StoredEvent e : batch) {
                if (e.sequence() >= liveFrom && filter.matches(e.stream())) {
                    events.add(e);
                }
            }
            coveredThrough = lastSequence;
            if (matching > 0) {
                changed.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Subscription thread: the next live event, waiting for one.
     *
     * @return null once the buffer is empty and no longer accepting (it overflowed, or was closed)
     */
    StoredEvent take() throws InterruptedException {
        lock.lock();
        try {
            while (events.isEmpty() && accepting) {
                changed.await();
            }
            return events.poll();
        } finally {
            lock.unlock();
        }
    }

    /** The last sequence whose events (if they matched) went into this buffer. */
    long coveredThrough() {
        lock.lock();
        try {
            return coveredThrough;
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            accepting = false;
            events.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
