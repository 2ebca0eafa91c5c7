package org.fcredirect.storage.impl;

import java.util.concurrent.atomic.AtomicLong;

import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.api.StreamFilter;
import org.fcredirect.storage.api.Subscriber;
import org.fcredirect.storage.api.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription and its delivery thread. It alternates between two sources, never both at
 * once: stored events (catch-up) and its {@link LiveBuffer}. It catches up to the committed
 * sequence, goes live (which names the first live sequence), catches up to just before it, then
 * takes live events until the buffer overflows, when it notes how far the buffer covered and
 * catches up again. Each event is handed over once, in order, because the two sources meet at an
 * exact sequence number.
 */
final class LiveSubscription implements Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSubscription.class);
    private static final AtomicLong IDS = new AtomicLong();
    private static final long CLOSE_WAIT_MILLIS = 10_000;

    private final FileEventLog log;
    private final StreamFilter filter;
    private final Subscriber subscriber;
    final LiveBuffer buffer;
    private final Thread thread;
    private final AtomicLong overflows = new AtomicLong();

    private volatile long next;
    private volatile boolean closed;
    private volatile boolean live;
    private volatile StorageException endedBy;

    LiveSubscription(FileEventLog log, StreamFilter filter, long from, Subscriber subscriber, int bufferEvents) {
        this.log = log;
        this.filter = filter;
        this.subscriber = subscriber;
        this.next = from;
        this.buffer = new LiveBuffer(filter, bufferEvents);
        this.thread = new Thread(this::run, "fcr-eventlog-subscription-" + IDS.incrementAndGet());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            while (!closed) {
                next = log.scan(filter, next, log.committed(), this::deliver);
                if (closed) {
                    break;
                }
                long liveFrom = buffer.goLive(log::committed);
                next = log.scan(filter, next, liveFrom - 1, this::deliver);
                live = true;
                StoredEvent e;
                while (!closed && (e = buffer.take()) != null) {
                    deliver(e);
                }
                live = false;
                if (!closed) {
                    overflows.incrementAndGet();
                    next = Math.max(next, buffer.coveredThrough() + 1);
                }
            }
        } catch (SubscriberFailed f) {
            endedBy = new StorageException("subscriber on " + filter + " threw on event #" + f.sequence
                    + " and was unsubscribed: " + f.getCause(), f.getCause());
            LOG.warn("Event log subscription on {} ended: {}", filter, endedBy.getMessage());
        } catch (StorageException e) {
            endedBy = e;
            LOG.warn("Event log subscription on {} ended: {}", filter, e.getMessage());
        } catch (InterruptedException e) {
            endedBy = new StorageException("event log subscription on " + filter + " was interrupted", e);
        } finally {
            closed = true;
            live = false;
            buffer.close();
            log.unsubscribed(this);
        }
        StorageException reason = endedBy;
        if (reason != null) {
            try {
                subscriber.onError(reason);
            } catch (RuntimeException e) {
                LOG.warn("Event log subscriber on {} threw from onError: {}", filter, e.toString());
            }
        }
    }

    private boolean deliver(StoredEvent e) {
        if (closed) {
            return false;
        }
        if (e.sequence() < next) {
            // live events from before a start that lies in the future
            return true;
        }
        try {
            subscriber.onEvent(e);
        } catch (RuntimeException ex) {
            throw new SubscriberFailed(e.sequence(), ex);
        }
        next = e.sequence() + 1;
        return !closed;
    }

    /** Ends the subscription from the log's side; the subscriber hears {@code reason}. */
    void end(StorageException reason) {
        endedBy = reason;
        close();
    }

    @Override
    public long nextSequence() {
        return next;
    }

    @Override
    public boolean isLive() {
        return live;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public long overflows() {
        return overflows.get();
    }

    /** Stops delivery; unless called by the subscriber itself, waits for an event in hand to finish. */
    @Override
    public void close() {
        closed = true;
        buffer.close();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(CLOSE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.warn("Event log subscriber on {} still busy {} ms after close; it gets no further events",
                        filter, CLOSE_WAIT_MILLIS);
            }
        }
    }

    /** Carries a subscriber's exception out of a replay, past the scanner. */
    private static final class SubscriberFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long sequence;

        SubscriberFailed(long sequence, RuntimeException cause) {
            super(cause);
            this.sequence = sequence;
        }
    }
}
