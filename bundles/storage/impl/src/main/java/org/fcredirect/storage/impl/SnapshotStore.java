package org.fcredirect.storage.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

import org.fcredirect.storage.api.EventRules;
import org.fcredirect.storage.api.Snapshot;
import org.fcredirect.storage.api.StorageException;

/**
 * The newest snapshot of each stream, one file per stream ({@code <stream>.snap}), replaced
 * atomically: written to a temporary file, forced, renamed over the old one, directory forced.
 * A crash leaves the old snapshot or the new one, never a mix. Every file is checked when the log
 * opens, since compaction trusts the sequence numbers they claim.
 *
 * <pre>
 * magic "FCRSNAP1" (8) | stream length (1) | stream | sequence (8) | saved at, µs (8)
 * | data length (4) | data | CRC-32C of everything before it (4)
 * </pre>
 */
final class SnapshotStore {
    static final String SUFFIX = ".snap";
    private static final byte[] MAGIC = "FCRSNAP1".getBytes(StandardCharsets.US_ASCII);

    private final Path directory;
    private final ChannelFactory channels;
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();

    private SnapshotStore(Path directory, ChannelFactory channels) {
        this.directory = directory;
        this.channels = channels;
    }

    static SnapshotStore open(Path directory, ChannelFactory channels) throws IOException {
        Files.createDirectories(directory);
        SnapshotStore store = new SnapshotStore(directory, channels);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory, "*" + SUFFIX + ".tmp")) {
            for (Path p : ds) {
                Files.delete(p);
            }
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path p : ds) {
                Snapshot s = store.read(p);
                store.sequences.put(s.stream(), s.sequence());
            }
        }
        return store;
    }

    /** The sequence of the stream's snapshot, or -1 when it has none. */
    long sequence(String stream) {
        return sequences.getOrDefault(stream, -1L);
    }

    Map<String, Long> sequences() {
        return Map.copyOf(sequences);
    }

    /** Callers serialise saves (the log does, under its maintenance lock). */
    Snapshot save(String stream, long sequence, byte[] data, Instant now, boolean durable) throws IOException {
        Snapshot snapshot = new Snapshot(stream, sequence, now, data);
        byte[] name = stream.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 1 + name.length + 8 + 8 + 4 + data.length + 4);
        buf.put(MAGIC).put((byte) name.length).put(name).putLong(sequence)
                .putLong(GroupCommitWriter.micros(now)).putInt(data.length).put(data);
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());
        buf.flip();
        Path target = directory.resolve(stream + SUFFIX);
        Path tmp = directory.resolve(stream + SUFFIX + ".tmp");
        try (FileChannel ch = channels.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            FileOps.writeFully(ch, buf, 0);
            if (durable) {
                ch.force(true);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (durable) {
            FileOps.forceDirectory(directory, channels);
        }
        sequences.put(stream, sequence);
        return snapshot;
    }

    Optional<Snapshot> load(String stream) throws IOException {
        Path p = directory.resolve(stream + SUFFIX);
        if (!sequences.containsKey(stream)) {
            return Optional.empty();
        }
        return Optional.of(read(p));
    }

    private Snapshot read(Path p) throws IOException {
        long size = Files.size(p);
        if (size > EventRules.MAX_SNAPSHOT_BYTES + 256L) {
            throw corrupt(p, "is " + size + " bytes, more than a snapshot can be");
        }
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(p));
        int min = MAGIC.length + 1 + 1 + 8 + 8 + 4 + 4;
        if (buf.remaining() < min) {
            throw corrupt(p, "is too short (" + buf.remaining() + " bytes)");
        }
        for (byte b : MAGIC) {
            if (buf.get() != b) {
                throw corrupt(p, "does not start with 'FCRSNAP1'");
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, buf.limit() - 4);
        if ((int) crc.getValue() != buf.getInt(buf.limit() - 4)) {
            throw corrupt(p, "fails its CRC-32C check");
        }
        int nameLength = buf.get() & 0xFF;
        if (buf.remaining() < nameLength + 8 + 8 + 4 + 4) {
            throw corrupt(p, "has a stream name longer than the file");
        }
        byte[] name = new byte[nameLength];
        buf.get(name);
        String stream = new String(name, StandardCharsets.US_ASCII);
        long sequence = buf.getLong();
        Instant savedAt = GroupCommitWriter.toInstant(buf.getLong());
        int length = buf.getInt();
        if (length != buf.remaining() - 4) {
            throw corrupt(p, "announces " + length + " bytes of data but holds " + (buf.remaining() - 4));
        }
        byte[] data = new byte[length];
        buf.get(data);
        if (!p.getFileName().toString().equals(stream + SUFFIX)) {
            throw corrupt(p, "holds the snapshot of stream '" + stream + "'");
        }
        return new Snapshot(stream, sequence, savedAt, data);
    }

    private static StorageException corrupt(Path p, String what) {
        return new StorageException("snapshot file " + p + " " + what + "; move it away to open the log"
                + " (the stream then rebuilds from its events, if they were not compacted)");
    }
}
