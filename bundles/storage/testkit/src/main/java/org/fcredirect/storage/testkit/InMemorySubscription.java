package org.fcredirect.storage.testkit;

import java.util.List;

import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.api.StreamFilter;
import org.fcredirect.storage.api.Subscriber;
import org.fcredirect.storage.api.Subscription;

/** Delivers a subscription's events on its own daemon thread, waking when the log stores more. */
final class InMemorySubscription implements Subscription {
    private final InMemoryEventLog log;
    private final StreamFilter streams;
    private final Subscriber subscriber;
    private final Thread thread;
    private volatile long nextSequence;
    private volatile boolean closed;
    private boolean woken;

    InMemorySubscription(InMemoryEventLog log, StreamFilter streams, long fromSequence, Subscriber subscriber) {
        this.log = log;
        this.streams = streams;
        this.subscriber = subscriber;
        this.nextSequence = fromSequence;
        this.thread = new Thread(this::deliver, "in-memory-event-log-subscription");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    synchronized void wake() {
        woken = true;
        notifyAll();
    }

    private void deliver() {
        while (!closed) {
            List<StoredEvent> pending = log.eventsFrom(nextSequence);
            for (StoredEvent e : pending) {
                if (closed) {
                    return;
                }
                if (streams.matches(e.stream())) {
                    try {
                        subscriber.onEvent(e);
                    } catch (RuntimeException failure) {
                        end(new StorageException("subscriber threw on event " + e.sequence(), failure));
                        return;
                    }
                }
                nextSequence = e.sequence() + 1;
            }
            if (pending.isEmpty() && !awaitWake()) {
                return;
            }
        }
    }

    private synchronized boolean awaitWake() {
        while (!woken && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        woken = false;
        return !closed;
    }

    private void end(StorageException error) {
        closed = true;
        log.unsubscribe(this);
        subscriber.onError(error);
    }

    @Override
    public long nextSequence() {
        return nextSequence;
    }

    @Override
    public boolean isLive() {
        return !closed;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public long overflows() {
        return 0;
    }

    @Override
    public void close() {
        closed = true;
        log.unsubscribe(this);
        wake();
    }
}
