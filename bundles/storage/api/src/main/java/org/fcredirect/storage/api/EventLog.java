package org.fcredirect.storage.api;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A durable, append-only log of events in named streams, with one global sequence.
 *
 * <p><b>Sequence.</b> Every stored event has a sequence number, global across streams, starting at
 * 1 and strictly increasing; timestamps never decrease along it. Sequence numbers may have gaps:
 * a distributed log spends positions on its own records (Kafka's transaction markers take
 * offsets), so a reader continues from the {@code nextSequence} it was given, never from a count
 * of events. The events of one {@link #appendAll} are in list order; in a log only this node
 * writes, no other event comes between them, but in a history several nodes share, other nodes'
 * events may (Kafka interleaves concurrent transactions in a partition), so what must stay
 * together travels in one event. An event is visible to reads and subscriptions only once it is durable, i.e. once its
 * append has completed.
 *
 * <p><b>Durability.</b> An append's future completes when the event is stored as durably as the
 * {@link DurabilityMode} promises, and not before. It completes exceptionally with a
 * {@link StorageException} when the event could not be stored; the log is then unchanged. The
 * future may be completed on a thread of the log's that stores further events: attach work to it
 * with the {@code *Async} methods, or wait for it, rather than run long work in a plain
 * {@code thenApply}.
 *
 * <p><b>Snapshots and compaction.</b> A service can save its stream's state as of a sequence
 * number. {@link #compact()} may then drop events that every affected stream's newest snapshot
 * accounts for, so a service rebuilds by loading its snapshot and replaying from the snapshot's
 * sequence + 1. Reading a named stream from below what is still stored fails when that stream
 * has a snapshot at or after the requested sequence (its events there may be gone); otherwise a
 * read starts at the lowest sequence still stored.
 *
 * <p>All methods are thread-safe. Methods that read or write storage on the calling thread
 * ({@code read}, {@code replay}, snapshots, {@code compact}) throw {@link StorageException} on
 * failure.
 */
public interface EventLog {

    /**
     * Appends one event to a stream.
     *
     * @return completes with the event's sequence number and timestamp once it is durable
     * @throws StorageException at once for an invalid name or payload (see {@link EventRules})
     */
    CompletableFuture<Appended> append(String stream, String type, byte[] payload);

    /**
     * Appends events, possibly to several streams, with increasing sequence numbers in list
     * order, with no event of this node between them (see above). They are stored atomically: after a
     * crash either all of them are in the log or none.
     *
     * @return completes, once all are durable, with one result per event, in list order
     * @throws StorageException at once for an empty list, or one longer than
     *         {@link EventRules#MAX_EVENTS_PER_APPEND}, or too big for the backend to store at once
     */
    CompletableFuture<List<Appended>> appendAll(List<NewEvent> events);

    /**
     * The highest durable sequence number; 0 for an empty log. Every event at or below it is
     * durable; it may be a position the log spent on a record of its own rather than an event.
     */
    long lastSequence();

    /**
     * Reads up to {@code maxEvents} events of the selected streams with sequence numbers from
     * {@code fromSequence} on.
     *
     * @throws StorageException for a negative sequence, a non-positive maximum, compacted events
     *         (see above) or unreadable storage
     */
    EventPage read(StreamFilter streams, long fromSequence, int maxEvents);

    /**
     * Hands every event of the selected streams from {@code fromSequence} up to the last durable
     * one at the time of the call to {@code handler}, on the calling thread, without collecting
     * them: for rebuilding state from a long log.
     *
     * @return the sequence number to continue from: one past the last event looked at
     */
    long replay(StreamFilter streams, long fromSequence, ReplayHandler handler);

    /**
     * Delivers the selected streams' events from {@code fromSequence} on: first those already
     * stored, then new ones as they become durable, in sequence order, each exactly once. The
     * subscriber runs on a thread of the log's; appenders never wait for it. When it falls behind
     * the live feed, it is fed from storage until it has caught up, transparently.
     *
     * @throws StorageException at once for a negative sequence or compacted events (see above)
     */
    Subscription subscribe(StreamFilter streams, long fromSequence, Subscriber subscriber);

    /**
     * Stores a stream's state as of {@code sequence}, replacing the stream's previous snapshot.
     *
     * @throws StorageException when {@code sequence} is past {@link #lastSequence()}, or older
     *         than the stream's current snapshot, or the data is bigger than
     *         {@link EventRules#MAX_SNAPSHOT_BYTES}
     */
    Snapshot saveSnapshot(String stream, long sequence, byte[] data);

    /** The stream's newest snapshot, if it has one. */
    Optional<Snapshot> loadSnapshot(String stream);

    /** Drops stored events that their streams' newest snapshots account for. */
    CompactionResult compact();

    StorageStatus status();

    /**
     * This node's id among the nodes that append to one shared history (a distributed log's
     * configured node id); a log only this node writes answers {@code "local"}. Services name the
     * node whose concurrent change won with it.
     */
    default String nodeId() {
        return "local";
    }
}
