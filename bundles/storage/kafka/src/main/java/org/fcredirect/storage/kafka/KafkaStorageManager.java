package org.fcredirect.storage.kafka;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.fcredirect.storage.api.Appended;
import org.fcredirect.storage.api.CompactionResult;
import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.EventPage;
import org.fcredirect.storage.api.HistoryImport;
import org.fcredirect.storage.api.HistoryImportResult;
import org.fcredirect.storage.api.NewEvent;
import org.fcredirect.storage.api.ReplayHandler;
import org.fcredirect.storage.api.Snapshot;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StorageStatus;
import org.fcredirect.storage.api.StreamFilter;
import org.fcredirect.storage.api.Subscriber;
import org.fcredirect.storage.api.Subscription;
import org.fcredirect.storage.impl.FileLogExport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage service on Kafka, PID {@code org.fcredirect.storage.kafka}. Activation never waits
 * for Kafka: the log connects in the background, and {@code fcr:storage} and the storage health
 * check show why while it cannot. A changed configuration closes the log and opens one with the
 * new settings (its subscriptions end with an error saying so); an invalid one is refused and
 * the running log kept. Deactivation stops every Kafka client and thread of this bundle.
 */
@Component(service = {EventLog.class, HistoryImport.class}, configurationPid = KafkaStorageManager.PID, immediate = true,
        property = "fcr.mbean=org.fcredirect:type=Storage")
@Designate(ocd = KafkaStorageConfig.class)
public class KafkaStorageManager implements EventLog, HistoryImport {
    static final String PID = "org.fcredirect.storage.kafka";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaStorageManager.class);

    private final AtomicBoolean importing = new AtomicBoolean();

    private volatile KafkaEventLog log;

    @Activate
    void activate(KafkaStorageConfig config) {
        KafkaSettings settings;
        try {
            settings = KafkaSettings.from(config);
        } catch (KafkaSettingException e) {
            LOG.error("Kafka storage not started: configuration {} rejected: {}", PID, e.getMessage());
            throw e;
        }
        log = KafkaEventLog.open(settings, Clock.systemUTC());
    }

    @Modified
    void modified(KafkaStorageConfig config) {
        KafkaEventLog current = current();
        KafkaSettings settings;
        try {
            settings = KafkaSettings.from(config);
        } catch (KafkaSettingException e) {
            LOG.error("Kafka storage configuration change rejected, keeping {}: {}", current.settings(), e.getMessage());
            return;
        }
        if (settings.equals(current.settings())) {
            return;
        }
        log = KafkaEventLog.open(settings, Clock.systemUTC());
        current.close();
        LOG.info("Kafka storage reconnected: {} (was {})", settings, current.settings());
    }

    @Deactivate
    void deactivate() {
        KafkaEventLog closing = log;
        log = null;
        if (closing != null) {
            closing.close();
        }
    }

    private KafkaEventLog current() {
        KafkaEventLog l = log;
        if (l == null) {
            throw new StorageException("the Kafka storage service is not active");
        }
        return l;
    }

    @Override
    public CompletableFuture<Appended> append(String stream, String type, byte[] payload) {
        return current().append(stream, type, payload);
    }

    @Override
    public CompletableFuture<List<Appended>> appendAll(List<NewEvent> events) {
        return current().appendAll(events);
    }

    @Override
    public long lastSequence() {
        return current().lastSequence();
    }

    @Override
    public EventPage read(StreamFilter streams, long fromSequence, int maxEvents) {
        return current().read(streams, fromSequence, maxEvents);
    }

    @Override
    public long replay(StreamFilter streams, long fromSequence, ReplayHandler handler) {
        return current().replay(streams, fromSequence, handler);
    }

    @Override
    public Subscription subscribe(StreamFilter streams, long fromSequence, Subscriber subscriber) {
        return current().subscribe(streams, fromSequence, subscriber);
    }

    @Override
    public Snapshot saveSnapshot(String stream, long sequence, byte[] data) {
        return current().saveSnapshot(stream, sequence, data);
    }

    @Override
    public Optional<Snapshot> loadSnapshot(String stream) {
        return current().loadSnapshot(stream);
    }

    @Override
    public CompactionResult compact() {
        return current().compact();
    }

    @Override
    public StorageStatus status() {
        return current().status();
    }

    /** The configured node id, while the log is closed too: the fabric names this node with it. */
    @Override
    public String nodeId() {
        KafkaEventLog l = log;
        return l == null ? EventLog.super.nodeId() : l.nodeId();
    }

    /**
     * Copies a file log into the Kafka history while the history is empty ({@link HistoryMigration}).
     * The file log is read from its directory with the file backend's own reader, embedded in this
     * bundle privately, so a node already on Kafka can take the log a stopped node left behind.
     *
     * @param source the absolute path of the file log's directory ({@code data/fcr/eventlog})
     */
    @Override
    public HistoryImportResult importHistory(String source, Consumer<String> progress) {
        if (source == null || source.isBlank()) {
            throw new StorageException("the file log's directory is missing: give the absolute path of the stopped"
                    + " node's data/fcr/eventlog");
        }
        Path directory;
        try {
            directory = Path.of(source.strip());
        } catch (InvalidPathException e) {
            throw new StorageException("'" + source + "' is not a path: " + e.getMessage(), e);
        }
        if (!importing.compareAndSet(false, true)) {
            throw new StorageException("a migration into the Kafka history is already running on this node");
        }
        try (FileLogExport export = FileLogExport.open(directory)) {
            KafkaEventLog target = current();
            KafkaSettings s = target.settings();
            HistoryImportResult result = new HistoryMigration(target, "the Kafka history " + s.topic() + " on "
                    + String.join(",", s.bootstrapServers()), Duration.ofMillis(3L * s.timeoutMillis()))
                    .copy(export, progress);
            LOG.info("File log migrated into the Kafka history: {}", result);
            return result;
        } catch (StorageException e) {
            LOG.error("File log migration from {} failed: {}", directory, e.getMessage());
            throw e;
        } finally {
            importing.set(false);
        }
    }
}
