package org.fcredirect.storage.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.fcredirect.storage.api.DurabilityMode;
import org.fcredirect.storage.api.Snapshot;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StoredEvent;

/**
 * A file log opened to be copied elsewhere (to a fabric's shared history): its events one write
 * at a time, so what one {@code appendAll} stored atomically stays together, and its newest
 * snapshots. Opening takes the directory's lock, so a node still running on that log is refused,
 * and recovers it as a start would (a torn, never acknowledged tail is cut off). Nothing is
 * appended. Public so that a backend that embeds this package privately can read a file log.
 */
public final class FileLogExport implements AutoCloseable {
    private final FileEventLog log;

    private FileLogExport(FileEventLog log) {
        this.log = log;
    }

    /**
     * @param directory a file log's directory ({@code data/fcr/eventlog} of the node that wrote it)
     * @throws StorageException when it is not one, or it is locked or damaged
     */
    public static FileLogExport open(Path directory) {
        if (directory == null || !directory.isAbsolute()) {
            throw new StorageException("the file log's directory must be an absolute path, not '" + directory + "'");
        }
        if (!Files.isDirectory(directory)) {
            throw new StorageException("no file event log in " + directory + ": not a directory");
        }
        if (!holdsSegments(directory)) {
            throw new StorageException("no file event log in " + directory + ": it holds no *" + Segment.SUFFIX
                    + " segment (a node's log is in its data/fcr/eventlog)");
        }
        // the smallest segment size: a log that needs a new segment on open makes a small one
        LogSettings settings = LogSettings.of(directory, LogSettings.MIN_SEGMENT_BYTES, DurabilityMode.FSYNC, 1, 0);
        return new FileLogExport(FileEventLog.open(settings));
    }

    private static boolean holdsSegments(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(Segment.SUFFIX));
        } catch (IOException e) {
            throw new StorageException("cannot list " + directory + ": " + e, e);
        }
    }

    public Path directory() {
        return log.settings().directory();
    }

    /** The lowest sequence still stored: above 1 when compaction dropped the oldest events. */
    public long firstSequence() {
        return log.firstSequence();
    }

    public long lastSequence() {
        return log.lastSequence();
    }

    /**
     * Hands every stored event to {@code write}, one list per write of the log (a group commit of
     * one or more appends), in sequence order.
     *
     * @return the number of events handed over
     */
    public long eachWrite(Consumer<List<StoredEvent>> write) {
        List<StoredEvent> current = new ArrayList<>();
        long[] count = {0};
        log.scanRecords((e, endsWrite) -> {
            current.add(e);
            count[0]++;
            if (endsWrite) {
                write.accept(List.copyOf(current));
                current.clear();
            }
            return true;
        });
        if (!current.isEmpty()) {
            throw new StorageException("the file log in " + directory() + " ends inside a write at sequence "
                    + current.get(current.size() - 1).sequence() + "; recovery should have cut it off");
        }
        return count[0];
    }

    /** Every stream's newest snapshot, oldest sequence first. */
    public List<Snapshot> snapshots() {
        List<Snapshot> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : log.snapshotSequences().entrySet()) {
            log.loadSnapshot(e.getKey()).ifPresent(out::add);
        }
        out.sort(Comparator.comparingLong(Snapshot::sequence).thenComparing(Snapshot::stream));
        return out;
    }

    /** Releases the directory's lock. */
    @Override
    public void close() {
        log.close();
    }
}
