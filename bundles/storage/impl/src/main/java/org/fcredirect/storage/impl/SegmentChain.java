package org.fcredirect.storage.impl;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.fcredirect.storage.api.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ordered segments of one log directory, oldest first; the last one takes the writes. The
 * directory is locked for the life of the chain so two logs never write it at once. Readers take
 * {@link #segments()} as an immutable snapshot; the writer rolls and compaction drops under this
 * object's lock.
 */
final class SegmentChain {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentChain.class);
    static final String LOCK_FILE = "LOCK";

    final Path directory;
    private final ChannelFactory channels;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final SpareSegment spare;
    private final long lastTimestamp;
    private volatile List<Segment> segments;

    private SegmentChain(Path directory, ChannelFactory channels, FileChannel lockChannel, FileLock lock,
                         List<Segment> segments, long lastTimestamp) {
        this.directory = directory;
        this.channels = channels;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.spare = new SpareSegment(directory, channels);
        this.segments = List.copyOf(segments);
        this.lastTimestamp = lastTimestamp;
    }

    /**
     * Opens (creating when needed) and recovers the log in {@code directory}.
     *
     * @param firstSegmentSize the size of the first segment, when the directory holds none
     * @throws StorageException when the directory is in use, or the stored log is damaged beyond
     *         a torn tail
     */
    static SegmentChain open(Path directory, int firstSegmentSize, long nowMicros, ChannelFactory channels,
                             boolean durable, RecoveryStats stats) throws IOException {
        Files.createDirectories(directory);
        FileChannel lockChannel = channels.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new StorageException("event log directory " + directory + " is in use by another open log");
        }
        List<Segment> opened = new ArrayList<>();
        try {
            deleteLeftovers(directory);
            SpareSegment.deleteLeftovers(directory);
            TreeMap<Long, Path> files = listSegments(directory);
            long lastTimestamp = 0;
            long expectedFirst = -1;
            int n = 0;
            for (var entry : files.entrySet()) {
                Segment s = Segment.open(entry.getValue(), entry.getKey(), channels);
                opened.add(s);
                if (expectedFirst >= 0 && s.firstSequence != expectedFirst) {
                    throw new StorageException("event log segment " + s.path + " starts at sequence " + s.firstSequence
                            + " but the segment before it ends at " + (expectedFirst - 1)
                            + "; a segment is missing or was altered");
                }
                boolean newest = ++n == files.size();
                long ts = SegmentRecovery.recover(s, newest, stats, durable);
                if (!newest && s.isEmpty()) {
                    throw new StorageException("event log segment " + s.path + " holds no events but newer segments"
                            + " follow it; a sealed segment is never empty");
                }
                lastTimestamp = Math.max(lastTimestamp, ts);
                expectedFirst = s.lastSequence() + 1;
            }
            if (opened.isEmpty()) {
                opened.add(Segment.create(directory, 1, firstSegmentSize, nowMicros, channels, durable, null));
                LOG.info("Event log created in {}", directory);
            }
            return new SegmentChain(directory, channels, lockChannel, lock, opened, lastTimestamp);
        } catch (IOException | RuntimeException e) {
            opened.forEach(Segment::close);
            lock.release();
            lockChannel.close();
            throw e;
        }
    }

    private static TreeMap<Long, Path> listSegments(Path directory) throws IOException {
        TreeMap<Long, Path> files = new TreeMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory, "*" + Segment.SUFFIX)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                String digits = name.substring(0, name.length() - Segment.SUFFIX.length());
                if (digits.length() != 20 || !digits.chars().allMatch(Character::isDigit)) {
                    throw new StorageException("event log directory " + directory + " holds " + name
                            + ", which is not a segment name (20 digits + " + Segment.SUFFIX + ")");
                }
                files.put(Long.parseLong(digits), p);
            }
        }
        return files;
    }

    /** A crash while a segment was being made leaves its temporary file; it never held events. */
    private static void deleteLeftovers(Path directory) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory, "*" + Segment.SUFFIX + ".tmp")) {
            for (Path p : ds) {
                Files.delete(p);
                LOG.info("Event log deleted {}, a segment left unfinished by a crash", p);
            }
        }
    }

    List<Segment> segments() {
        return segments;
    }

    Segment active() {
        List<Segment> s = segments;
        return s.get(s.size() - 1);
    }

    long firstSequence() {
        return segments.get(0).firstSequence;
    }

    long lastSequence() {
        return active().lastSequence();
    }

    /** The timestamp of the last record found when the log was opened. */
    long lastTimestampAtOpen() {
        return lastTimestamp;
    }

    /** Writer only: has the file of the next segment made ahead of time. */
    void prepareNext(int size, boolean durable) {
        spare.prepare(size, durable);
    }

    /** Writer only: starts a new segment after the active one, from the spare when one is ready. */
    synchronized Segment roll(int size, long nowMicros, boolean durable) throws IOException {
        Segment previous = active();
        Segment next = Segment.create(directory, previous.lastSequence() + 1, size, nowMicros, channels, durable,
                spare.take(size));
        List<Segment> grown = new ArrayList<>(segments);
        grown.add(next);
        segments = List.copyOf(grown);
        spare.prepare(size, durable);
        LOG.info("Event log rolled to {} after {} ({} events)", next.path.getFileName(), previous.path.getFileName(),
                previous.events());
        return next;
    }

    /**
     * Deletes the {@code count} oldest segments; never the active one. Readers still scanning them
     * keep their mapping until they finish.
     */
    synchronized void dropOldest(int count, boolean durable) throws IOException {
        if (count >= segments.size()) {
            throw new IllegalArgumentException("the active segment is never dropped");
        }
        List<Segment> dropped = segments.subList(0, count);
        segments = List.copyOf(segments.subList(count, segments.size()));
        for (Segment s : dropped) {
            s.close();
            Files.delete(s.path);
        }
        if (durable) {
            FileOps.forceDirectory(directory, channels);
        }
    }

    void close() {
        spare.close();
        segments.forEach(Segment::close);
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.warn("Event log could not release the lock of {}: {}", directory, e.toString());
        }
    }
}
