package org.fcredirect.storage.testkit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.fcredirect.storage.api.Appended;
import org.fcredirect.storage.api.CompactionResult;
import org.fcredirect.storage.api.DurabilityMode;
import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.EventPage;
import org.fcredirect.storage.api.EventRules;
import org.fcredirect.storage.api.NewEvent;
import org.fcredirect.storage.api.ReplayHandler;
import org.fcredirect.storage.api.Snapshot;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StorageStatus;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.api.StreamFilter;
import org.fcredirect.storage.api.Subscriber;
import org.fcredirect.storage.api.Subscription;

/**
 * An {@link EventLog} in memory, for unit tests of event-sourced services. It keeps the contract
 * of the interface (one gapless global sequence, atomic {@code appendAll}, snapshots that replace
 * each other, compaction, replay, subscriptions on a thread of the log's) and adds two switches a
 * test needs: {@link #failAppends} makes every append complete exceptionally without storing
 * anything, and {@link #holdAppends} keeps appends pending until {@link #releaseHeldAppends}, so a
 * test can watch a service before its change is durable.
 *
 * <p>Nothing survives the object: a "restart" in a test is a new service instance on the same log.
 */
public final class InMemoryEventLog implements EventLog {
    private final Clock clock;
    private final List<StoredEvent> events = new ArrayList<>();
    private final Map<String, Snapshot> snapshots = new HashMap<>();
    private final List<InMemorySubscription> subscriptions = new ArrayList<>();
    private final List<Runnable> heldAppends = new ArrayList<>();
    private long firstSequence = 1;
    private long nextSequence = 1;
    private long lastTimestampMicros;
    private boolean failing;
    private boolean holding;
    private long appendCalls;
    private long failedAppends;

    public InMemoryEventLog() {
        this(Clock.systemUTC());
    }

    public InMemoryEventLog(Clock clock) {
        this.clock = clock;
    }

    /** While on, every append completes exceptionally with a {@link StorageException} and stores nothing. */
    public synchronized void failAppends(boolean on) {
        failing = on;
    }

    /** While on, appends stay pending (nothing is visible) until {@link #releaseHeldAppends()}. */
    public synchronized void holdAppends(boolean on) {
        holding = on;
    }

    /** How many appends are waiting under {@link #holdAppends}. */
    public synchronized int heldAppendCount() {
        return heldAppends.size();
    }

    /** Stores the held appends in the order they were made and completes their futures. */
    public void releaseHeldAppends() {
        List<Runnable> release;
        synchronized (this) {
            release = new ArrayList<>(heldAppends);
            heldAppends.clear();
        }
        release.forEach(Runnable::run);
    }

    /** {@code append} and {@code appendAll} calls so far, failed ones included. */
    public synchronized long appendCalls() {
        return appendCalls;
    }

    /** Every stored event, in sequence order. */
    public synchronized List<StoredEvent> events() {
        return List.copyOf(events);
    }

    /** The stored events of one stream, in sequence order. */
    public synchronized List<StoredEvent> events(String stream) {
        return events.stream().filter(e -> e.stream().equals(stream)).toList();
    }

    @Override
    public CompletableFuture<Appended> append(String stream, String type, byte[] payload) {
        return appendAll(List.of(NewEvent.of(stream, type, payload))).thenApply(list -> list.get(0));
    }

    @Override
    public CompletableFuture<List<Appended>> appendAll(List<NewEvent> batch) {
        EventRules.checkAppendAll(batch);
        List<NewEvent> copy = List.copyOf(batch);
        CompletableFuture<List<Appended>> done = new CompletableFuture<>();
        Runnable store = () -> store(copy, done);
        synchronized (this) {
            appendCalls++;
            if (failing) {
                failedAppends++;
                return CompletableFuture.failedFuture(new StorageException("append failed: injected by the test"));
            }
            if (holding) {
                heldAppends.add(store);
                return done;
            }
        }
        store.run();
        return done;
    }

    private void store(List<NewEvent> batch, CompletableFuture<List<Appended>> done) {
        List<Appended> results = new ArrayList<>(batch.size());
        List<InMemorySubscription> wake;
        synchronized (this) {
            long micros = Math.max(lastTimestampMicros, toMicros(clock.instant()));
            lastTimestampMicros = micros;
            for (NewEvent e : batch) {
                long sequence = nextSequence++;
                events.add(StoredEvent.adopt(sequence, micros, e.stream(), e.type(), e.payload()));
                results.add(new Appended(sequence, toInstant(micros)));
            }
            wake = List.copyOf(subscriptions);
        }
        wake.forEach(InMemorySubscription::wake);
        done.complete(List.copyOf(results));
    }

    private static long toMicros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    private static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    @Override
    public synchronized long lastSequence() {
        return nextSequence - 1;
    }

    @Override
    public synchronized EventPage read(StreamFilter streams, long fromSequence, int maxEvents) {
        EventRules.checkSequence("read from sequence", fromSequence);
        if (maxEvents <= 0) {
            throw new StorageException("maxEvents " + maxEvents + " must be positive");
        }
        checkNotCompacted(streams, fromSequence);
        List<StoredEvent> found = new ArrayList<>();
        long next = Math.max(fromSequence, firstSequence);
        int index = indexOf(next);
        while (index < events.size() && found.size() < maxEvents) {
            StoredEvent e = events.get(index++);
            if (streams.matches(e.stream())) {
                found.add(e);
            }
            next = e.sequence() + 1;
        }
        return new EventPage(found, next, index >= events.size());
    }

    @Override
    public long replay(StreamFilter streams, long fromSequence, ReplayHandler handler) {
        List<StoredEvent> selected;
        long next;
        synchronized (this) {
            EventRules.checkSequence("replay from sequence", fromSequence);
            checkNotCompacted(streams, fromSequence);
            next = Math.max(fromSequence, firstSequence);
            selected = List.copyOf(events.subList(indexOf(next), events.size()));
        }
        for (StoredEvent e : selected) {
            next = e.sequence() + 1;
            if (streams.matches(e.stream()) && !handler.onEvent(e)) {
                break;
            }
        }
        return next;
    }

    @Override
    public synchronized Subscription subscribe(StreamFilter streams, long fromSequence, Subscriber subscriber) {
        EventRules.checkSequence("subscribe from sequence", fromSequence);
        checkNotCompacted(streams, fromSequence);
        InMemorySubscription s = new InMemorySubscription(this, streams, Math.max(fromSequence, 1), subscriber);
        subscriptions.add(s);
        s.start();
        return s;
    }

    synchronized void unsubscribe(InMemorySubscription s) {
        subscriptions.remove(s);
    }

    /** The events a subscription has not seen yet, from {@code fromSequence}; empty when there are none. */
    synchronized List<StoredEvent> eventsFrom(long fromSequence) {
        int index = indexOf(Math.max(fromSequence, firstSequence));
        return List.copyOf(events.subList(index, events.size()));
    }

    @Override
    public synchronized Snapshot saveSnapshot(String stream, long sequence, byte[] data) {
        EventRules.checkName("stream", stream);
        EventRules.checkSequence("snapshot sequence", sequence);
        if (sequence > lastSequence()) {
            throw new StorageException("snapshot of '" + stream + "' at " + sequence + " is past the last sequence "
                    + lastSequence());
        }
        Snapshot previous = snapshots.get(stream);
        if (previous != null && sequence < previous.sequence()) {
            throw new StorageException("snapshot of '" + stream + "' at " + sequence + " is older than the current one at "
                    + previous.sequence());
        }
        if (data.length > EventRules.MAX_SNAPSHOT_BYTES) {
            throw new StorageException("snapshot of '" + stream + "' is " + data.length + " bytes; the limit is "
                    + EventRules.MAX_SNAPSHOT_BYTES);
        }
        Snapshot s = new Snapshot(stream, sequence, clock.instant(), data);
        snapshots.put(stream, s);
        return s;
    }

    @Override
    public synchronized Optional<Snapshot> loadSnapshot(String stream) {
        return Optional.ofNullable(snapshots.get(stream));
    }

    @Override
    public synchronized CompactionResult compact() {
        long removed = 0;
        long bytes = 0;
        int keepFrom = 0;
        // only a leading run can go: the sequence must stay contiguous from firstSequence
        while (keepFrom < events.size() && coveredBySnapshot(events.get(keepFrom))) {
            removed++;
            bytes += events.get(keepFrom).payloadSize();
            keepFrom++;
        }
        events.subList(0, keepFrom).clear();
        firstSequence = events.isEmpty() ? nextSequence : events.get(0).sequence();
        return new CompactionResult(removed, bytes, firstSequence);
    }

    private boolean coveredBySnapshot(StoredEvent e) {
        Snapshot s = snapshots.get(e.stream());
        return s != null && s.sequence() >= e.sequence();
    }

    @Override
    public synchronized StorageStatus status() {
        long bytes = events.stream().mapToLong(StoredEvent::payloadSize).sum();
        return StorageStatus.builder("memory", DurabilityMode.NONE)
                .sequences(firstSequence, lastSequence())
                .size(events.size(), bytes)
                .failedAppends(failedAppends)
                .subscriptions(subscriptions.size())
                .fault(failing, failing ? "appends fail: injected by the test" : null, null)
                .build();
    }

    private void checkNotCompacted(StreamFilter streams, long fromSequence) {
        if (fromSequence >= firstSequence) {
            return;
        }
        for (Snapshot s : snapshots.values()) {
            if (streams.matches(s.stream()) && s.sequence() >= fromSequence) {
                throw new StorageException("events of stream '" + s.stream() + "' from " + fromSequence
                        + " were compacted; load its snapshot at " + s.sequence() + " first");
            }
        }
    }

    /** Index in {@link #events} of the first event with a sequence number at least {@code sequence}. */
    private int indexOf(long sequence) {
        long offset = sequence - firstSequence;
        return (int) Math.min(Math.max(offset, 0), events.size());
    }
}
