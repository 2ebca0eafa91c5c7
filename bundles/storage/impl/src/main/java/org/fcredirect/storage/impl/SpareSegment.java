package org.fcredirect.storage.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Makes the next segment's file ahead of time, on a background thread: a file of zeros of the
 * segment size, forced. A roll then only writes a header into it and renames it, instead of
 * making the appends that triggered it wait for a whole segment of zeros to reach the disk.
 * Costs one segment of disk space. A spare never holds events: one left by a crash is deleted
 * when the log opens.
 */
final class SpareSegment {
    static final String NAME = "next.spare";
    private static final String TMP = NAME + ".tmp";

    private final Path directory;
    private final ChannelFactory channels;
    private final ExecutorService maker;
    private CompletableFuture<Path> pending;
    private int pendingSize;

    SpareSegment(Path directory, ChannelFactory channels) {
        this.directory = directory;
        this.channels = channels;
        this.maker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fcr-eventlog-spare-segment");
            t.setDaemon(true);
            return t;
        });
    }

    static void deleteLeftovers(Path directory) throws IOException {
        Files.deleteIfExists(directory.resolve(TMP));
        Files.deleteIfExists(directory.resolve(NAME));
    }

    /** Starts making a spare of {@code size} bytes, unless one is ready or on its way. Writer thread only. */
    synchronized void prepare(int size, boolean durable) {
        if (pending != null || maker.isShutdown()) {
            return;
        }
        pendingSize = size;
        pending = CompletableFuture.supplyAsync(() -> make(size, durable), maker);
    }

    private Path make(int size, boolean durable) {
        Path tmp = directory.resolve(TMP);
        Path spare = directory.resolve(NAME);
        try {
            Files.deleteIfExists(tmp);
            try (FileChannel ch = channels.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                FileOps.zero(ch, 0, size);
                if (durable) {
                    ch.force(true);
                }
            }
            Files.move(tmp, spare, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return spare;
        } catch (IOException e) {
            deleteQuietly(tmp);
            // the roll that wanted it makes its segment itself and reports the failure, if it persists
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return a finished spare of exactly {@code size} bytes, now the caller's, or null when none
     *         is ready (the caller then makes its segment itself)
     */
    synchronized Path take(int size) {
        if (pending == null || !pending.isDone()) {
            return null;
        }
        CompletableFuture<Path> done = pending;
        pending = null;
        if (done.isCompletedExceptionally()) {
            return null;
        }
        Path spare = done.join();
        if (pendingSize != size) {
            deleteQuietly(spare);
            return null;
        }
        return spare;
    }

    /** Stops making spares and deletes what was made. */
    synchronized void close() {
        maker.shutdown();
        try {
            maker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteQuietly(directory.resolve(TMP));
        deleteQuietly(directory.resolve(NAME));
        pending = null;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a spare left behind is deleted when the log next opens
        }
    }
}
