package org.fcredirect.storage.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

import org.fcredirect.storage.api.StorageException;

/**
 * One segment file: a 32-byte header, then records, then zeros up to the size it was
 * preallocated to. Readers see records up to {@link #end()}, which the writer advances only
 * once they are durable. The whole file is mapped read-only for reading; writes go through the
 * channel.
 *
 * <pre>
 * header: magic "FCREVLOG" (8) | version (2) | header length (2) | first sequence (8)
 *         | created, µs since the epoch (8) | CRC-32C of the preceding 28 bytes (4)
 * </pre>
 */
final class Segment {
    static final int HEADER_BYTES = 32;
    static final short VERSION = 1;
    static final String SUFFIX = ".seg";
    private static final byte[] MAGIC = "FCREVLOG".getBytes(StandardCharsets.US_ASCII);

    final Path path;
    final long firstSequence;
    final long createdMicros;
    final ByteBuffer map;
    final int capacity;
    final SparseIndex index = new SparseIndex();

    private final Map<String, Long> streamHighs = new ConcurrentHashMap<>();
    private volatile int end = HEADER_BYTES;
    private volatile long lastSequence;
    private volatile long events;

    /** Writer only: bytes past {@link #end()} up to here may hold leftovers of a failed write. */
    int dirtyEnd = HEADER_BYTES;

    private final ChannelFactory channels;
    private volatile FileChannel channel;

    private Segment(Path path, long firstSequence, long createdMicros, FileChannel channel, int capacity,
                    ChannelFactory channels) throws IOException {
        this.path = path;
        this.firstSequence = firstSequence;
        this.createdMicros = createdMicros;
        this.channel = channel;
        this.channels = channels;
        this.capacity = capacity;
        this.map = channel.map(FileChannel.MapMode.READ_ONLY, 0, capacity);
        this.lastSequence = firstSequence - 1;
    }

    static String fileName(long firstSequence) {
        return String.format("%020d%s", firstSequence, SUFFIX);
    }

    /**
     * Creates a segment under a temporary name, preallocated with zeros, and renames it into
     * place, so a crash never leaves a half-made segment under a segment's name.
     *
     * @param spare a file of {@code capacity} zeros made ahead of time ({@link SpareSegment}), or
     *        null to make one here
     * @param durable force the file and the directory before returning
     */
    static Segment create(Path dir, long firstSequence, int capacity, long nowMicros, ChannelFactory channels,
                          boolean durable, Path spare) throws IOException {
        Path path = dir.resolve(fileName(firstSequence));
        Path source = spare != null ? spare : dir.resolve(fileName(firstSequence) + ".tmp");
        FileChannel ch = spare != null
                ? channels.open(source, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : channels.open(source, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            header.put(MAGIC).putShort(VERSION).putShort((short) HEADER_BYTES).putLong(firstSequence)
                    .putLong(nowMicros);
            header.putInt((int) crc(header.array(), HEADER_BYTES - 4));
            header.flip();
            FileOps.writeFully(ch, header, 0);
            if (spare == null) {
                FileOps.zero(ch, HEADER_BYTES, capacity);
            }
            if (durable) {
                ch.force(true);
            }
            Files.move(source, path, StandardCopyOption.ATOMIC_MOVE);
            if (durable) {
                FileOps.forceDirectory(dir, channels);
            }
            return new Segment(path, firstSequence, nowMicros, ch, capacity, channels);
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            Files.deleteIfExists(source);
            throw e;
        }
    }

    /**
     * Opens an existing segment and checks its header; records are checked by recovery.
     *
     * @param expectedFirst the first sequence its file name announces
     */
    static Segment open(Path path, long expectedFirst, ChannelFactory channels) throws IOException {
        FileChannel ch = channels.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long size = ch.size();
            if (size < HEADER_BYTES || size > Integer.MAX_VALUE) {
                throw new StorageException("event log segment " + path + " is " + size
                        + " bytes; a segment holds a " + HEADER_BYTES + "-byte header and at most 2 GiB");
            }
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            while (header.hasRemaining() && ch.read(header, header.position()) >= 0) {
                // a positional read can return fewer bytes than asked
            }
            byte[] h = header.array();
            ByteBuffer hb = ByteBuffer.wrap(h);
            for (int i = 0; i < MAGIC.length; i++) {
                if (h[i] != MAGIC[i]) {
                    throw new StorageException("event log segment " + path + " does not start with the segment magic 'FCREVLOG'");
                }
            }
            if ((int) crc(h, HEADER_BYTES - 4) != hb.getInt(HEADER_BYTES - 4)) {
                throw new StorageException("event log segment " + path + " has a corrupt header (CRC-32C mismatch)");
            }
            short version = hb.getShort(8);
            if (version != VERSION || hb.getShort(10) != HEADER_BYTES) {
                throw new StorageException("event log segment " + path + " has format version " + version
                        + "; this engine reads version " + VERSION);
            }
            long first = hb.getLong(12);
            if (first != expectedFirst) {
                throw new StorageException("event log segment " + path + " starts at sequence " + first
                        + " but its name says " + expectedFirst);
            }
            return new Segment(path, first, hb.getLong(20), ch, (int) size, channels);
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    private static long crc(byte[] bytes, int length) {
        CRC32C c = new CRC32C();
        c.update(bytes, 0, length);
        return c.getValue();
    }

    /** Offset just past the last durable record. */
    int end() {
        return end;
    }

    /** The last durable sequence number in this segment, {@code firstSequence - 1} when empty. */
    long lastSequence() {
        return lastSequence;
    }

    long events() {
        return events;
    }

    boolean isEmpty() {
        return lastSequence < firstSequence;
    }

    /** Writer (or recovery) only: notes a record that is about to become visible. */
    void noteRecord(String stream, long sequence, int offset) {
        index.onRecord(sequence, offset);
        streamHighs.put(stream, sequence);
    }

    /** Writer (or recovery) only: makes records up to {@code newEnd} visible; the caller noted them. */
    void commit(int newEnd, long newLastSequence, int addedEvents) {
        events += addedEvents;
        end = newEnd;
        lastSequence = newLastSequence;
    }

    /** Per stream, the highest sequence number this segment holds. */
    Map<String, Long> streamHighs() {
        return Map.copyOf(streamHighs);
    }

    /**
     * The channel writes go through. An interrupt that lands in the middle of a write closes a
     * FileChannel for good (ClosedByInterruptException), so a closed one is opened anew: the
     * writer then serves the next append instead of failing every one until a restart.
     */
    FileChannel channel() throws IOException {
        FileChannel ch = channel;
        if (!ch.isOpen()) {
            ch = channels.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            channel = ch;
        }
        return ch;
    }

    void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing only releases the descriptor: what was written stays written
        }
    }

    @Override
    public String toString() {
        return path.getFileName() + "[" + firstSequence + ".." + lastSequence + ", " + end + " bytes]";
    }
}
