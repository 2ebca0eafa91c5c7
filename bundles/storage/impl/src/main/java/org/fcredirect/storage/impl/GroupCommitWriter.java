package org.fcredirect.storage.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

import org.fcredirect.storage.api.DurabilityMode;
import org.fcredirect.storage.api.NewEvent;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single thread that writes the log. Appenders queue requests; the writer takes what is
 * queued (in {@code batch} mode it also waits up to {@code groupCommitMaxMicros} for more), up to
 * {@code groupCommitMaxEvents}, encodes it into one buffer, stores it with one positional write
 * and, unless durability is {@code none}, one {@code force}, then completes every request of the
 * batch and feeds the subscriptions. Sequence numbers and timestamps are assigned here, so they
 * follow write order.
 *
 * <p>A failed write or force fails the requests of that write and of the rest of the batch, zeroes
 * what it may have left on disk, and leaves sequence numbers where they were: the next append
 * reuses them, so the log stays gapless.
 */
final class GroupCommitWriter {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

    /** Bytes one write may carry; keeps the write buffer and a torn write bounded. */
    static final int MAX_WRITE_BYTES = 4 << 20;
    /** The most one request may take: it must fit an empty segment of the smallest size. */
    static final int MAX_REQUEST_BYTES = (int) LogSettings.MIN_SEGMENT_BYTES - Segment.HEADER_BYTES;
    private static final int QUEUE_CAPACITY = 64 * 1024;

    private final BlockingQueue<AppendRequest> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final SegmentChain chain;
    private final LogMetrics metrics;
    private final LiveFeed feed;
    private final Clock clock;
    private final CRC32C crc = new CRC32C();
    private final List<AppendRequest> batch = new ArrayList<>();
    private final Thread thread;

    private volatile LogSettings settings;
    private volatile long committed;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    private long nextSequence;
    private long lastTimestamp;

    GroupCommitWriter(SegmentChain chain, LogSettings settings, LogMetrics metrics, LiveFeed feed, Clock clock) {
        this.chain = chain;
        this.settings = settings;
        this.metrics = metrics;
        this.feed = feed;
        this.clock = clock;
        this.committed = chain.lastSequence();
        this.nextSequence = committed + 1;
        this.lastTimestamp = chain.lastTimestampAtOpen();
        // named after its directory: a thread dump tells the writers of several logs apart
        this.thread = new Thread(this::run, "fcr-eventlog-writer " + chain.directory);
        thread.setDaemon(true);
    }

    void start() {
        chain.prepareNext(settings.segmentSizeBytes(), settings.durability().durable());
        thread.start();
    }

    /** The highest sequence number that is stored as durably as the mode promises. */
    long committed() {
        return committed;
    }

    LogSettings settings() {
        return settings;
    }

    /** Takes effect with the next batch (segment size: with the next segment). */
    void apply(LogSettings newSettings) {
        settings = newSettings;
    }

    int queued() {
        return queue.size();
    }

    /** Queues a request, waiting while the queue is full: the disk sets the pace. */
    void submit(AppendRequest request) {
        try {
            queue.put(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for room in the event log's append queue", e);
        }
    }

    /** Writes everything queued so far, then stops the thread. */
    void stop() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                if (queue.offer(AppendRequest.STOP, 100, TimeUnit.MILLISECONDS)) {
                    thread.join();
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        failQueued(new StorageException("event log is closed"));
    }

    /**
     * Serves until the stop marker. An interrupt or an unexpected error fails the batch in hand and
     * the writer serves on from what the segments hold, so one fault never stops every later append.
     */
    private void run() {
        while (true) {
            try {
                serve();
                return;
            } catch (InterruptedException | RuntimeException | Error e) {
                LOG.error("Event log writer hit an unexpected error, failed its batch and restarts: {}", e.toString());
                StorageException error = new StorageException("event log writer failed this append: " + e, e);
                batch.forEach(r -> r.fail(error));
                batch.clear();
                resync();
            }
        }
    }

    private void serve() throws InterruptedException {
        boolean stopping = false;
        while (!stopping) {
            AppendRequest first = queue.take();
            if (first == AppendRequest.STOP) {
                return;
            }
            LogSettings s = settings;
            batch.add(first);
            stopping = collect(s, first.events.length);
            writeBatch(s);
            batch.clear();
        }
    }

    /** Numbering follows the segments again, whatever point the failed batch had reached. */
    private void resync() {
        long last = chain.lastSequence();
        nextSequence = last + 1;
        committed = last;
    }

    /** @return true when the stop marker was taken */
    private boolean collect(LogSettings s, int events) throws InterruptedException {
        int max = s.groupCommitMaxEvents();
        long deadline = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(s.groupCommitMaxMicros());
        boolean wait = s.durability() == DurabilityMode.BATCH;
        int n = events;
        while (n < max) {
            AppendRequest r = wait ? queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS) : queue.poll();
            if (r == null) {
                return false;
            }
            if (r == AppendRequest.STOP) {
                return true;
            }
            batch.add(r);
            n += r.events.length;
        }
        return false;
    }

    private void writeBatch(LogSettings s) {
        boolean durable = s.durability().durable();
        int i = 0;
        while (i < batch.size()) {
            Segment segment = chain.active();
            int position = segment.end();
            int j = i;
            int count = 0;
            int bytes = 0;
            while (j < batch.size()) {
                AppendRequest r = batch.get(j);
                boolean full = count + r.events.length > RecordCodec.MAX_WRITE_COUNT || bytes + r.bytes > MAX_WRITE_BYTES;
                if ((j > i && full) || position + bytes + r.bytes > segment.capacity) {
                    break;
                }
                count += r.events.length;
                bytes += r.bytes;
                j++;
            }
            try {
                if (j == i) {
                    clearBeforeSeal(segment);
                    chain.roll(s.segmentSizeBytes(), micros(clock.instant()), durable);
                    continue;
                }
                writeChunk(segment, position, i, j, count, bytes, durable);
                i = j;
            } catch (IOException | RuntimeException e) {
                String what = j == i
                        ? "could not start a new segment in " + chain.directory
                        : "could not write " + count + " events (" + bytes + " bytes) to " + segment.path + " at offset " + position;
                failFrom(i, what, e);
                return;
            }
        }
    }

    private void writeChunk(Segment segment, int position, int from, int to, int count, int bytes, boolean durable)
            throws IOException {
        ByteBuffer buf = buffer(bytes);
        long timestamp = Math.max(micros(clock.instant()), lastTimestamp);
        long sequence = nextSequence;
        int index = 0;
        for (int k = from; k < to; k++) {
            for (NewEvent e : batch.get(k).events) {
                RecordCodec.encode(buf, sequence++, timestamp, index++, count, e.stream(), e.type(), e.payloadBuffer(), crc);
            }
        }
        buf.flip();
        int end = position + bytes;
        try {
            FileOps.writeFully(segment.channel(), buf, position);
            if (segment.dirtyEnd > end) {
                FileOps.zero(segment.channel(), end, segment.dirtyEnd);
            }
            if (durable) {
                long t0 = System.nanoTime();
                segment.channel().force(false);
                long t1 = System.nanoTime();
                metrics.forced(t1 - t0, t1);
            }
        } catch (IOException | RuntimeException e) {
            segment.dirtyEnd = Math.max(segment.dirtyEnd, end);
            rollBack(segment, position, durable, e);
            throw e;
        }
        segment.dirtyEnd = end;
        commit(segment, position, from, to, count, timestamp);
    }

    /**
     * A failed write whose roll-back failed too leaves bytes past the segment's end; recovery
     * refuses a sealed segment with anything but zeros there, so they go before the roll, forced
     * in every durability mode, or the roll is refused.
     */
    private void clearBeforeSeal(Segment segment) throws IOException {
        if (segment.dirtyEnd <= segment.end()) {
            return;
        }
        try {
            FileOps.zero(segment.channel(), segment.end(), segment.dirtyEnd);
            segment.channel().force(false);
        } catch (IOException e) {
            throw new IOException("could not clear the leftovers of a failed write in " + segment.path
                    + " at offsets " + segment.end() + ".." + segment.dirtyEnd + " before sealing it: " + e, e);
        }
        segment.dirtyEnd = segment.end();
    }

    /** Zeroes what a failed write may have left, so a crash cannot bring its events back. */
    private void rollBack(Segment segment, int position, boolean durable, Exception cause) {
        try {
            FileOps.zero(segment.channel(), position, segment.dirtyEnd);
            if (durable) {
                segment.channel().force(false);
            }
            segment.dirtyEnd = position;
        } catch (IOException | RuntimeException e) {
            // the next write zeroes the rest of the dirty range before its force
            cause.addSuppressed(e);
        }
    }

    private void commit(Segment segment, int position, int from, int to, int count, long timestamp) {
        long first = nextSequence;
        long sequence = first;
        int offset = position;
        for (int k = from; k < to; k++) {
            for (NewEvent e : batch.get(k).events) {
                segment.noteRecord(e.stream(), sequence++, offset);
                offset += RecordCodec.recordSize(e.stream(), e.type(), e.payloadSize());
            }
        }
        segment.commit(offset, sequence - 1, count);
        nextSequence = sequence;
        lastTimestamp = timestamp;
        committed = sequence - 1;
        if (metrics.faulted()) {
            LOG.info("Event log writes succeed again at sequence {}", first);
        }
        metrics.written(count, System.nanoTime());
        Instant at = toInstant(timestamp);
        long s = first;
        for (int k = from; k < to; k++) {
            AppendRequest r = batch.get(k);
            r.complete(s, at);
            s += r.events.length;
        }
        if (feed.hasSubscriptions()) {
            List<StoredEvent> stored = new ArrayList<>(count);
            s = first;
            for (int k = from; k < to; k++) {
                for (NewEvent e : batch.get(k).events) {
                    stored.add(StoredEvent.adopt(s++, timestamp, e.stream(), e.type(), e.payload()));
                }
            }
            feed.publish(stored, sequence - 1);
        }
    }

    private void failFrom(int from, String what, Exception cause) {
        StorageException error = new StorageException("append failed: " + what + ": " + cause
                + "; none of these events were stored and the log is unchanged", cause);
        int events = 0;
        for (int k = from; k < batch.size(); k++) {
            events += batch.get(k).events.length;
        }
        if (!metrics.faulted()) {
            LOG.error("Event log append failed, appends fail until a write succeeds: {}", error.getMessage());
        }
        // the status shows the fault before any caller hears of it
        metrics.appendsFailed(events, error.getMessage(), clock.instant());
        for (int k = from; k < batch.size(); k++) {
            batch.get(k).fail(error);
        }
    }

    private void failQueued(StorageException error) {
        List<AppendRequest> left = new ArrayList<>();
        queue.drainTo(left);
        for (AppendRequest r : left) {
            if (r != AppendRequest.STOP) {
                r.fail(error);
            }
        }
    }

    private ByteBuffer buffer(int bytes) {
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect(Math.max(bytes, buffer.capacity() * 2));
        }
        buffer.clear();
        return buffer;
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
