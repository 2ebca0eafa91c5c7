package org.fcredirect.storage.follow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.api.StreamFilter;
import org.fcredirect.storage.api.Subscriber;
import org.fcredirect.storage.api.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one stream of the log after a service rebuilt its state from it: the subscription queues
 * every event (every node's), and the service applies them in order whenever it holds its change
 * lock: before deciding a change, while waiting for its own change to come back, and on this
 * follower's thread when events arrive between changes ({@code catchUp} takes the lock and drains).
 * The subscription never waits for the service, so a service busy with a change never holds up
 * the log; a subscription that ends on an error is opened again after the last event queued.
 */
public final class StreamFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamFollower.class);
    private static final long RETRY_MILLIS = 1000;
    /** How long a change waits for a starving node's next try: a durable append's round trip under load. */
    public static final long YIELD_MILLIS = 2000;

    private final EventLog log;
    private final String stream;
    private final Runnable catchUp;
    private final Thread thread;
    private final ArrayDeque<StoredEvent> queued = new ArrayDeque<>();
    private final Subscriber subscriber = new Subscriber() {
        @Override
        public void onEvent(StoredEvent event) {
            queue(event);
        }

        @Override
        public void onError(StorageException error) {
            ended(error);
        }
    };
    private Subscription subscription;
    private long nextSequence;
    /** The last sequence applied; only the thread holding the service's change lock touches it. */
    private long applied;
    /** The loss {@link #yieldTo} last held a change back for in vain; under the change lock too. */
    private long heldFor;
    private boolean arrived;
    private boolean resubscribe;
    private boolean closed;

    /**
     * @param catchUp run on the follower's thread when events arrived: takes the service's change
     *        lock and calls {@link #drain}
     */
    public StreamFollower(EventLog log, String stream, String threadName, Runnable catchUp) {
        this.log = log;
        this.stream = stream;
        this.catchUp = catchUp;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
    }

    /** Subscribes from {@code fromSequence}: one past what the rebuild replayed. */
    public void start(long fromSequence) {
        synchronized (this) {
            nextSequence = fromSequence;
            subscription = log.subscribe(StreamFilter.of(stream), fromSequence, subscriber);
        }
        thread.start();
    }

    private void queue(StoredEvent e) {
        synchronized (this) {
            queued.add(e);
            nextSequence = e.sequence() + 1;
            arrived = true;
            notifyAll();
        }
    }

    /** Applies every queued event, in order, without waiting. @return the events applied */
    public int drain(Consumer<List<StoredEvent>> apply) {
        List<StoredEvent> batch = take();
        if (!batch.isEmpty()) {
            apply.accept(batch);
            applied = batch.get(batch.size() - 1).sequence();
        }
        return batch.size();
    }

    /**
     * Applies queued events, waiting for more, until the event at {@code sequence} is applied.
     *
     * @return false when it did not arrive within the timeout (it applies when it does)
     */
    public boolean drainThrough(long sequence, long timeoutMillis, Consumer<List<StoredEvent>> apply)
            throws InterruptedException {
        return drainUntil(() -> applied >= sequence, timeoutMillis, apply);
    }

    /**
     * Before a new change: while another node's changes keep losing to this node's ({@link
     * GuardedOrder#starvingLoss}), applies what arrives until one of them got through, so it finds
     * no new change of this node before it. The hold is bounded, once per loss: that node may have
     * given its change up, or stopped.
     */
    public void yieldTo(LongSupplier starvingLoss, long holdMillis, Consumer<List<StoredEvent>> apply) {
        if (starvingLoss.getAsLong() <= heldFor) {
            return;
        }
        try {
            if (!drainUntil(() -> starvingLoss.getAsLong() == 0, holdMillis, apply)) {
                heldFor = starvingLoss.getAsLong();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean drainUntil(BooleanSupplier done, long timeoutMillis, Consumer<List<StoredEvent>> apply)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            int drained = drain(apply);
            if (done.getAsBoolean()) {
                return true;
            }
            if (drained > 0) {
                continue;
            }
            synchronized (this) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    return false;
                }
                if (queued.isEmpty()) {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            }
        }
    }

    /**
     * Applies queued events until this node's own append, stored as {@code sequence}, is applied.
     *
     * @return empty once it is; otherwise why not (not back in time, or interrupted: the flag is
     *         kept), for the caller's own exception. Either way it applies when it arrives.
     */
    public Optional<String> awaitOwn(long sequence, long timeoutMillis, Consumer<List<StoredEvent>> apply) {
        try {
            return drainThrough(sequence, timeoutMillis, apply) ? Optional.empty()
                    : Optional.of("stored the change as sequence " + sequence + ", but it did not come back from the log"
                            + " within " + timeoutMillis + " ms; it applies when it does");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("stored the change as sequence " + sequence + "; interrupted while waiting for it to"
                    + " come back from the log; it applies when it does");
        }
    }

    private synchronized List<StoredEvent> take() {
        List<StoredEvent> batch = new ArrayList<>(queued);
        queued.clear();
        return batch;
    }

    private void run() {
        while (true) {
            boolean again;
            synchronized (this) {
                while (!arrived && !resubscribe && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                again = resubscribe;
                resubscribe = false;
                arrived = false;
            }
            if (again) {
                resubscribe();
            }
            try {
                catchUp.run();
            } catch (RuntimeException e) {
                LOG.error("Applying the {} stream's new events failed; they apply with the next change: {}", stream,
                        e.toString());
            }
        }
    }

    /** Watches the subscription: one that ended on an error is opened again after the last event queued. */
    private void resubscribe() {
        long from;
        synchronized (this) {
            if (closed || subscription != null && !subscription.isClosed()) {
                return;
            }
            from = nextSequence;
        }
        try {
            Subscription s = log.subscribe(StreamFilter.of(stream), from, subscriber);
            synchronized (this) {
                subscription = s;
            }
            LOG.info("Following the {} stream again from sequence {}", stream, from);
        } catch (StorageException e) {
            LOG.warn("Following the {} stream from sequence {} failed, trying again in {} ms: {}", stream, from,
                    RETRY_MILLIS, e.getMessage());
            retryLater();
        }
    }

    private void retryLater() {
        synchronized (this) {
            try {
                wait(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            resubscribe = true;
        }
    }

    /** The subscription's end on an error; the follower's thread opens it again. */
    private void ended(StorageException error) {
        LOG.warn("Following the {} stream stopped at sequence {}: {}; following again", stream, nextSequence,
                error.getMessage());
        synchronized (this) {
            resubscribe = true;
            notifyAll();
        }
    }

    @Override
    public void close() {
        Subscription s;
        synchronized (this) {
            closed = true;
            s = subscription;
            notifyAll();
        }
        if (s != null) {
            s.close();
        }
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
