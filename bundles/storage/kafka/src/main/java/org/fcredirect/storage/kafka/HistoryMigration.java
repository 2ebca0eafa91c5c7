package org.fcredirect.storage.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.fcredirect.storage.api.Appended;
import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.EventPage;
import org.fcredirect.storage.api.HistoryImportResult;
import org.fcredirect.storage.api.NewEvent;
import org.fcredirect.storage.api.Snapshot;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.api.StreamFilter;
import org.fcredirect.storage.impl.FileLogExport;

/**
 * Copies a file log into an empty event log (the Kafka history): the file log's writes gathered
 * into batches of whole writes, each stored with one {@code appendAll} and awaited before the next,
 * so the copy keeps the sequence order and every atomic group, and a failure leaves a prefix.
 *
 * <p>Snapshots are copied with translated sequence numbers: the target numbers events its own way
 * (on Kafka, offset + 1 with a transaction marker after each commit), so a snapshot taken at source
 * sequence S is saved at the target sequence of the last event copied from at or below S. That
 * is sound because a snapshot accounts for a stream's events up to a position and the copy keeps
 * their order, and because the services' snapshot data holds no sequence numbers of its own. They
 * must be copied, not dropped, when the file log was compacted: its oldest events then live only
 * in them.
 */
final class HistoryMigration {
    static final int BATCH_EVENTS = 4096;
    static final long BATCH_BYTES = 4L << 20;
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final EventLog target;
    private final String targetName;
    private final Duration batchTimeout;
    private final int batchEvents;

    /**
     * @param targetName how the operator knows the target, for messages
     * @param batchTimeout how long one batch may take to be stored
     */
    HistoryMigration(EventLog target, String targetName, Duration batchTimeout) {
        this(target, targetName, batchTimeout, BATCH_EVENTS);
    }

    /** @param batchEvents most events per batch, unless one write alone has more */
    HistoryMigration(EventLog target, String targetName, Duration batchTimeout, int batchEvents) {
        this.target = target;
        this.targetName = targetName;
        this.batchTimeout = batchTimeout;
        this.batchEvents = batchEvents;
    }

    HistoryImportResult copy(FileLogExport source, Consumer<String> progress) {
        long start = System.nanoTime();
        requireEmpty();
        List<Snapshot> snapshots = source.snapshots();
        progress.accept("copying the file log in " + source.directory() + " (sequences " + source.firstSequence() + ".."
                + source.lastSequence() + ", " + snapshots.size() + " snapshots) into " + targetName);
        Copy copy = new Copy(snapshots, source.lastSequence(), progress);
        source.eachWrite(copy::add);
        copy.flush();
        copy.translateRemaining();
        int saved = 0;
        for (int i = 0; i < snapshots.size(); i++) {
            Snapshot s = snapshots.get(i);
            try {
                target.saveSnapshot(s.stream(), copy.translated[i], s.data());
            } catch (StorageException e) {
                throw new StorageException("copied all " + copy.events + " events, then the snapshot of stream '"
                        + s.stream() + "' (source sequence " + s.sequence() + ") failed: " + e.getMessage()
                        + "; its service rebuilds from the events", e);
            }
            saved++;
        }
        return new HistoryImportResult(source.directory().toString(), copy.events, List.copyOf(copy.streams), saved,
                copy.lastTargetSequence, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Nothing may be in the target, not even a position spent on an aborted write: the copy must
     * start at its sequence 1, or the history would interleave two.
     */
    private void requireEmpty() {
        long last = target.lastSequence();
        if (last == 0) {
            // a backend that is not connected answers 0 from what it knows: the read makes it look
            EventPage first = target.read(StreamFilter.all(), 0, 1);
            last = first.events().isEmpty() ? first.nextSequence() - 1 : first.events().get(0).sequence();
        }
        if (last > 0) {
            throw new StorageException(targetName + " is not empty (it holds sequences up to " + last
                    + "): a file log is copied only into an empty history, once, before any node writes to it");
        }
    }

    /** The copy's running state: the batch being gathered and the snapshots still to translate. */
    private final class Copy {
        private final List<Snapshot> snapshots;
        private final long[] translated;
        private final long sourceLast;
        private final Consumer<String> progress;
        private final List<NewEvent> batch = new ArrayList<>();
        private final List<Long> batchSources = new ArrayList<>();
        private final Set<String> streams = new LinkedHashSet<>();
        private long batchBytes;
        private int nextSnapshot;
        private long events;
        private long lastTargetSequence;
        private long lastSource;
        private long lastProgress = System.nanoTime();

        Copy(List<Snapshot> snapshots, long sourceLast, Consumer<String> progress) {
            this.snapshots = snapshots;
            this.translated = new long[snapshots.size()];
            this.sourceLast = sourceLast;
            this.progress = progress;
        }

        void add(List<StoredEvent> write) {
            long bytes = 0;
            for (StoredEvent e : write) {
                bytes += e.payloadSize();
            }
            if (!batch.isEmpty() && (batch.size() + write.size() > batchEvents || batchBytes + bytes > BATCH_BYTES)) {
                flush();
            }
            for (StoredEvent e : write) {
                batch.add(NewEvent.of(e.stream(), e.type(), e.payload()));
                batchSources.add(e.sequence());
                streams.add(e.stream());
            }
            batchBytes += bytes;
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            List<Appended> stored = store(List.copyOf(batch));
            if (events == 0 && stored.get(0).sequence() != 1) {
                throw new StorageException("the first copied event took sequence " + stored.get(0).sequence()
                        + " in " + targetName + ", not 1: another node wrote to it during the copy; stop every node"
                        + " on it and start again with an empty history");
            }
            for (int i = 0; i < stored.size(); i++) {
                translateBefore(batchSources.get(i));
                lastTargetSequence = stored.get(i).sequence();
                lastSource = batchSources.get(i);
            }
            events += stored.size();
            batch.clear();
            batchSources.clear();
            batchBytes = 0;
            if (System.nanoTime() - lastProgress >= PROGRESS_EVERY_NANOS) {
                lastProgress = System.nanoTime();
                progress.accept("copied " + events + " events, up to source sequence " + lastSource + " of " + sourceLast);
            }
        }

        /** Snapshots taken before source sequence {@code next} map to the last event copied before it. */
        private void translateBefore(long next) {
            while (nextSnapshot < snapshots.size() && snapshots.get(nextSnapshot).sequence() < next) {
                translated[nextSnapshot++] = lastTargetSequence;
            }
        }

        void translateRemaining() {
            translateBefore(Long.MAX_VALUE);
        }

        private List<Appended> store(List<NewEvent> events) {
            try {
                return target.appendAll(events).get(batchTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw failed(e.getCause());
            } catch (TimeoutException e) {
                throw failed(new StorageException("no answer within " + batchTimeout.toMillis() + " ms"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failed(e);
            } catch (StorageException e) {
                throw failed(e);
            }
        }

        private StorageException failed(Throwable cause) {
            return new StorageException("copy stopped after " + this.events + " events (source sequences up to "
                    + lastSource + "): " + (cause == null ? "unknown error" : cause.getMessage())
                    + "; the history now holds that prefix: clear it before trying again", cause);
        }
    }
}
