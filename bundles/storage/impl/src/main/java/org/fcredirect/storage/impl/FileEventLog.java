package org.fcredirect.storage.impl;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.fcredirect.storage.api.Appended;
import org.fcredirect.storage.api.CompactionResult;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file-backed {@link EventLog}: segment files in one directory (see FORMAT.md), one writer
 * thread doing group commit, reads straight from memory-mapped segments, snapshots beside them.
 * Plain Java; the OSGi component {@link StorageManager} owns one.
 *
 * <p>Append futures are completed on the writer thread, so their non-async dependent stages run
 * there and hold up the next write.
 */
public final class FileEventLog implements EventLog, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileEventLog.class);
    static final String SNAPSHOT_DIRECTORY = "snapshots";
    static final int DEFAULT_SUBSCRIBER_BUFFER = 4096;

    private final Path directory;
    private final SegmentChain chain;
    private final SnapshotStore snapshots;
    private final GroupCommitWriter writer;
    private final LogMetrics metrics;
    private final LiveFeed feed = new LiveFeed();
    private final RecoveryStats recovery;
    private final Clock clock;
    private final int subscriberBuffer;
    private final Set<LiveSubscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private final Object maintenance = new Object();
    private volatile boolean closed;

    private FileEventLog(LogSettings settings, SegmentChain chain, SnapshotStore snapshots, RecoveryStats recovery,
                         Clock clock, int subscriberBuffer) {
        this.directory = settings.directory();
        this.chain = chain;
        this.snapshots = snapshots;
        this.recovery = recovery;
        this.clock = clock;
        this.subscriberBuffer = subscriberBuffer;
        this.metrics = new LogMetrics(System.nanoTime());
        this.writer = new GroupCommitWriter(chain, settings, metrics, feed, clock);
    }

    /** Opens (creating if needed) and recovers the log the settings point at. */
    public static FileEventLog open(LogSettings settings) {
        return open(settings, ChannelFactory.DEFAULT, Clock.systemUTC(), DEFAULT_SUBSCRIBER_BUFFER);
    }

    /**
     * @param channels opens every file the log uses
     * @param subscriberBuffer live events a subscription may hold before it falls back to storage
     */
    static FileEventLog open(LogSettings settings, ChannelFactory channels, Clock clock, int subscriberBuffer) {
        Path dir = settings.directory();
        boolean durable = settings.durability().durable();
        RecoveryStats recovery = new RecoveryStats();
        SegmentChain chain;
        try {
            chain = SegmentChain.open(dir, settings.segmentSizeBytes(), GroupCommitWriter.micros(clock.instant()),
                    channels, durable, recovery);
        } catch (IOException e) {
            throw new StorageException("cannot open the event log in " + dir + ": " + e, e);
        }
        try {
            SnapshotStore snapshots = SnapshotStore.open(dir.resolve(SNAPSHOT_DIRECTORY), channels);
            FileEventLog log = new FileEventLog(settings, chain, snapshots, recovery, clock, subscriberBuffer);
            log.writer.start();
            LOG.info("Event log opened in {}: sequences {}..{} in {} segments, {}", dir, chain.firstSequence(),
                    chain.lastSequence(), chain.segments().size(), settings);
            warnIfNotDurable(settings);
            return log;
        } catch (IOException | RuntimeException e) {
            chain.close();
            if (e instanceof StorageException se) {
                throw se;
            }
            throw new StorageException("cannot open the snapshots of the event log in " + dir + ": " + e, e);
        }
    }

    private static void warnIfNotDurable(LogSettings settings) {
        if (!settings.durability().durable()) {
            LOG.warn("Event log in {} runs with durability NONE: acknowledged events are lost on a power failure",
                    settings.directory());
        }
    }

    @Override
    public CompletableFuture<Appended> append(String stream, String type, byte[] payload) {
        AppendRequest r = AppendRequest.one(NewEvent.of(stream, type, payload));
        submit(r);
        return r.single();
    }

    @Override
    public CompletableFuture<List<Appended>> appendAll(List<NewEvent> events) {
        EventRules.checkAppendAll(events);
        AppendRequest r = AppendRequest.all(events);
        if (r.bytes > GroupCommitWriter.MAX_REQUEST_BYTES) {
            throw new StorageException("appendAll of " + events.size() + " events takes " + r.bytes
                    + " bytes stored; one call is stored atomically and may take at most "
                    + GroupCommitWriter.MAX_REQUEST_BYTES + " bytes: split it");
        }
        submit(r);
        return r.all();
    }

    private void submit(AppendRequest r) {
        gate.readLock().lock();
        try {
            requireOpen();
            writer.submit(r);
        } finally {
            gate.readLock().unlock();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new StorageException("event log in " + directory + " is closed");
        }
    }

    @Override
    public long lastSequence() {
        return writer.committed();
    }

    /** The highest committed sequence; what readers and subscriptions may see. */
    long committed() {
        return writer.committed();
    }

    @Override
    public EventPage read(StreamFilter streams, long fromSequence, int maxEvents) {
        if (maxEvents < 1) {
            throw new StorageException("read of at most " + maxEvents + " events: the maximum must be at least 1");
        }
        long upTo = writer.committed();
        List<StoredEvent> events = new ArrayList<>(Math.min(maxEvents, 1024));
        long next = scan(streams, fromSequence, upTo, e -> {
            events.add(e);
            return events.size() < maxEvents;
        });
        return new EventPage(events, next, next > upTo);
    }

    @Override
    public long replay(StreamFilter streams, long fromSequence, ReplayHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return scan(streams, fromSequence, writer.committed(), handler);
    }

    /** Reads committed events in {@code [from, upTo]}; see {@link LogScanner#scan}. */
    long scan(StreamFilter streams, long fromSequence, long upTo, ReplayHandler handler) {
        return scan(streams, fromSequence, upTo, (LogScanner.RecordHandler) (e, endsWrite) -> handler.onEvent(e));
    }

    /** Every committed record from the first stored one, each with whether it ends its write. */
    long scanRecords(LogScanner.RecordHandler handler) {
        return scan(StreamFilter.all(), 1, writer.committed(), handler);
    }

    private long scan(StreamFilter streams, long fromSequence, long upTo, LogScanner.RecordHandler handler) {
        Objects.requireNonNull(streams, "streams");
        EventRules.checkSequence("read from sequence", fromSequence);
        List<Segment> segments = chain.segments();
        long from = Math.max(fromSequence, 1);
        long first = segments.get(0).firstSequence;
        if (from < first) {
            checkRetained(streams, from, first);
            from = first;
        }
        if (from > upTo) {
            return from;
        }
        try {
            return LogScanner.scan(segments, from, upTo, streams, handler);
        } catch (StorageException e) {
            metrics.error(e.getMessage(), clock.instant());
            LOG.error("Event log read failed: {}", e.getMessage());
            throw e;
        }
    }

    long firstSequence() {
        return chain.firstSequence();
    }

    /** Stream to sequence of every stream's newest snapshot. */
    Map<String, Long> snapshotSequences() {
        synchronized (maintenance) {
            return Map.copyOf(snapshots.sequences());
        }
    }

    /** Reading below the first stored event is fine unless a snapshot may have swallowed it. */
    private void checkRetained(StreamFilter streams, long from, long first) {
        for (String stream : streams.streams()) {
            long snap = snapshots.sequence(stream);
            if (snap >= from) {
                throw new StorageException("events of stream '" + stream + "' from sequence " + from
                        + " may have been compacted into its snapshot at sequence " + snap + " (the log now starts at "
                        + first + "): load the snapshot and read from " + (snap + 1));
            }
        }
    }

    @Override
    public Subscription subscribe(StreamFilter streams, long fromSequence, Subscriber subscriber) {
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(subscriber, "subscriber");
        EventRules.checkSequence("subscribe from sequence", fromSequence);
        long from = Math.max(fromSequence, 1);
        long first = chain.firstSequence();
        if (from < first) {
            checkRetained(streams, from, first);
        }
        gate.readLock().lock();
        try {
            requireOpen();
            LiveSubscription s = new LiveSubscription(this, streams, from, subscriber, subscriberBuffer);
            subscriptions.add(s);
            feed.add(s.buffer);
            s.start();
            return s;
        } finally {
            gate.readLock().unlock();
        }
    }

    void unsubscribed(LiveSubscription s) {
        feed.remove(s.buffer);
        subscriptions.remove(s);
    }

    @Override
    public Snapshot saveSnapshot(String stream, long sequence, byte[] data) {
        EventRules.checkName("stream", stream);
        EventRules.checkSequence("snapshot sequence", sequence);
        if (data == null) {
            throw new StorageException("snapshot of stream '" + stream + "' has no data (null); use an empty array");
        }
        if (data.length > EventRules.MAX_SNAPSHOT_BYTES) {
            throw new StorageException("snapshot of stream '" + stream + "' is " + data.length + " bytes; the limit is "
                    + EventRules.MAX_SNAPSHOT_BYTES);
        }
        long last = writer.committed();
        if (sequence > last) {
            throw new StorageException("snapshot of stream '" + stream + "' at sequence " + sequence
                    + " is ahead of the log, whose last sequence is " + last);
        }
        synchronized (maintenance) {
            requireOpen();
            long current = snapshots.sequence(stream);
            if (sequence < current) {
                throw new StorageException("snapshot of stream '" + stream + "' at sequence " + sequence
                        + " is older than the stored one at " + current + "; snapshots only move forward");
            }
            try {
                return snapshots.save(stream, sequence, data, clock.instant(), writer.settings().durability().durable());
            } catch (IOException e) {
                StorageException error = new StorageException("could not save the snapshot of stream '" + stream
                        + "' at sequence " + sequence + ": " + e + "; the previous snapshot is unchanged", e);
                metrics.error(error.getMessage(), clock.instant());
                throw error;
            }
        }
    }

    @Override
    public Optional<Snapshot> loadSnapshot(String stream) {
        EventRules.checkName("stream", stream);
        synchronized (maintenance) {
            try {
                return snapshots.load(stream);
            } catch (IOException e) {
                throw new StorageException("could not read the snapshot of stream '" + stream + "': " + e, e);
            }
        }
    }

    /**
     * Drops the oldest sealed segments, for as long as every stream in a segment has a snapshot
     * at or past its last event there. Only whole segments from the start go, so what stays is
     * still one gapless run of sequence numbers.
     */
    @Override
    public CompactionResult compact() {
        synchronized (maintenance) {
            requireOpen();
            Map<String, Long> snaps = snapshots.sequences();
            List<Segment> segments = chain.segments();
            int drop = 0;
            long events = 0;
            long bytes = 0;
            for (int i = 0; i < segments.size() - 1 && covered(segments.get(i), snaps); i++) {
                drop++;
                events += segments.get(i).events();
                bytes += segments.get(i).capacity;
            }
            if (drop > 0) {
                try {
                    chain.dropOldest(drop, writer.settings().durability().durable());
                } catch (IOException e) {
                    StorageException error = new StorageException("compaction of the event log in " + directory
                            + " failed: " + e, e);
                    metrics.error(error.getMessage(), clock.instant());
                    throw error;
                }
                LOG.info("Event log compacted: dropped {} segments, {} events, {} bytes; it now starts at sequence {}",
                        drop, events, bytes, chain.firstSequence());
            }
            return new CompactionResult(events, bytes, chain.firstSequence());
        }
    }

    private static boolean covered(Segment segment, Map<String, Long> snapshots) {
        for (Map.Entry<String, Long> e : segment.streamHighs().entrySet()) {
            Long snap = snapshots.get(e.getKey());
            if (snap == null || snap < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public StorageStatus status() {
        LogSettings s = writer.settings();
        List<Segment> segments = chain.segments();
        long events = 0;
        long bytes = 0;
        for (Segment seg : segments) {
            events += seg.events();
            bytes += seg.end() - Segment.HEADER_BYTES;
        }
        long writes = metrics.writes();
        StorageStatus.Builder b = StorageStatus.builder("file", s.durability())
                .open(!closed)
                .sequences(segments.get(0).firstSequence, writer.committed())
                .size(events, bytes)
                .appendsPerSecond(metrics.appendsPerSecond(System.nanoTime()))
                .forceLatency(metrics.forceLatency())
                .failedAppends(metrics.failedAppends())
                .truncatedOnRecovery(recovery.truncations(), recovery.bytesDropped())
                .subscriptions(subscriptions.size())
                .fault(metrics.faulted(), metrics.lastError(), metrics.lastErrorAt());
        if (metrics.faulted()) {
            b.warning("APPENDS ARE FAILING: " + metrics.lastError());
        }
        return b.detail("directory", directory)
                .detail("segments", segments.size())
                .detail("activeSegment", segments.get(segments.size() - 1).path.getFileName())
                .detail("oldestSegmentCreated", GroupCommitWriter.toInstant(segments.get(0).createdMicros))
                .detail("segmentSizeBytes", s.segmentSizeBytes())
                .detail("groupCommitMaxEvents", s.groupCommitMaxEvents())
                .detail("groupCommitMaxMicros", s.groupCommitMaxMicros())
                .detail("writes", writes)
                .detail("forces", metrics.forces())
                .detail("eventsPerWrite", writes == 0 ? "0" : String.format("%.1f", metrics.eventsWritten() / (double) writes))
                .detail("queuedAppends", writer.queued())
                .detail("snapshots", snapshots.sequences().size())
                .detail("eventsDroppedOnRecovery", recovery.eventsDropped())
                .build();
    }

    /**
     * Applies new settings to the open log: durability and group commit from the next batch,
     * segment size from the next segment.
     *
     * @throws StorageException when the directory differs: that needs another log
     */
    public void reconfigure(LogSettings settings) {
        if (!settings.directory().equals(directory)) {
            throw new StorageException("event log in " + directory + " cannot move to " + settings.directory()
                    + " while open; open a new log there");
        }
        LogSettings old = writer.settings();
        writer.apply(settings);
        if (!old.equals(settings)) {
            LOG.info("Event log in {} reconfigured: {}", directory, settings);
            warnIfNotDurable(settings);
        }
    }

    public LogSettings settings() {
        return writer.settings();
    }

    /** Writes what is queued, ends subscriptions (their subscribers hear why), releases the directory. */
    @Override
    public void close() {
        gate.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            gate.writeLock().unlock();
        }
        synchronized (maintenance) {
            writer.stop();
            StorageException reason = new StorageException("event log in " + directory + " was closed");
            for (LiveSubscription s : List.copyOf(subscriptions)) {
                s.end(reason);
            }
            chain.close();
        }
        LOG.info("Event log in {} closed at sequence {}", directory, writer.committed());
    }
}
