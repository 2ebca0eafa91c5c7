package org.fcredirect.storage.impl;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import org.fcredirect.storage.api.Appended;
import org.fcredirect.storage.api.CompactionResult;
import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.EventPage;
import org.fcredirect.storage.api.NewEvent;
import org.fcredirect.storage.api.ReplayHandler;
import org.fcredirect.storage.api.Snapshot;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StorageStatus;
import org.fcredirect.storage.api.StreamFilter;
import org.fcredirect.storage.api.Subscriber;
import org.fcredirect.storage.api.Subscription;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage service: a {@link FileEventLog} configured from PID {@code org.fcredirect.storage}.
 * Immediate, so recovery runs (and a damaged log is reported) when the bundle starts, not at the
 * first append. An invalid configuration fails activation; an invalid change is refused and the
 * running log keeps its settings. A new directory opens the log there first and switches over
 * only once it is open; subscriptions to the old log end with an error saying why.
 */
@Component(service = EventLog.class, configurationPid = StorageManager.PID, immediate = true,
        property = "fcr.mbean=org.fcredirect:type=Storage")
@Designate(ocd = StorageConfig.class)
public class StorageManager implements EventLog {
    static final String PID = "org.fcredirect.storage";
    private static final Logger LOG = LoggerFactory.getLogger(StorageManager.class);

    private final Function<LogSettings, FileEventLog> opener;
    private final Path defaultDirectory;
    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
    private FileEventLog log;

    public StorageManager() {
        this(FileEventLog::open, defaultDirectory());
    }

    /** For tests: opens logs with {@code opener} (fake channels, small buffers). */
    StorageManager(Function<LogSettings, FileEventLog> opener, Path defaultDirectory) {
        this.opener = opener;
        this.defaultDirectory = defaultDirectory;
    }

    /** {@code ${karaf.data}/fcr/eventlog}; outside Karaf (tests), under the temporary directory. */
    static Path defaultDirectory() {
        String data = System.getProperty("karaf.data");
        if (data == null || data.isBlank()) {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"), "fcr", "eventlog");
            LOG.warn("karaf.data is not set; the event log defaults to {}", tmp);
            return tmp;
        }
        return Path.of(data, "fcr", "eventlog");
    }

    @Activate
    void activate(StorageConfig config, Map<String, Object> properties) {
        LogSettings settings;
        try {
            settings = StorageSettings.from(config, properties, defaultDirectory);
        } catch (InvalidSettingException e) {
            LOG.error("Storage not started: configuration {} rejected: {}={} {}", PID, e.key(), e.value(), e.rule());
            throw e;
        }
        FileEventLog opened;
        try {
            opened = opener.apply(settings);
        } catch (StorageException e) {
            LOG.error("Storage not started: {}", e.getMessage());
            throw e;
        }
        swap.writeLock().lock();
        try {
            log = opened;
        } finally {
            swap.writeLock().unlock();
        }
    }

    @Modified
    void modified(StorageConfig config, Map<String, Object> properties) {
        FileEventLog current = current();
        LogSettings settings;
        try {
            settings = StorageSettings.from(config, properties, defaultDirectory);
        } catch (InvalidSettingException e) {
            LOG.error("Storage configuration change rejected, keeping {}: {}={} {}", current.settings(), e.key(),
                    e.value(), e.rule());
            return;
        }
        if (settings.directory().equals(current.settings().directory())) {
            current.reconfigure(settings);
            return;
        }
        FileEventLog next;
        try {
            next = opener.apply(settings);
        } catch (StorageException e) {
            LOG.error("Storage configuration change rejected, keeping the log in {}: {}", current.settings().directory(),
                    e.getMessage());
            return;
        }
        swap.writeLock().lock();
        try {
            log = next;
        } finally {
            swap.writeLock().unlock();
        }
        current.close();
        LOG.info("Storage moved from {} to {}", current.settings().directory(), settings.directory());
    }

    @Deactivate
    void deactivate() {
        FileEventLog closing;
        swap.writeLock().lock();
        try {
            closing = log;
            log = null;
        } finally {
            swap.writeLock().unlock();
        }
        if (closing != null) {
            closing.close();
        }
    }

    private FileEventLog current() {
        swap.readLock().lock();
        try {
            return requireActive();
        } finally {
            swap.readLock().unlock();
        }
    }

    private FileEventLog requireActive() {
        if (log == null) {
            throw new StorageException("the storage service is not active");
        }
        return log;
    }

    /** Runs {@code call} on the current log, which cannot be switched away meanwhile. */
    private <T> T withLog(Function<FileEventLog, T> call) {
        swap.readLock().lock();
        try {
            return call.apply(requireActive());
        } finally {
            swap.readLock().unlock();
        }
    }

    @Override
    public CompletableFuture<Appended> append(String stream, String type, byte[] payload) {
        return withLog(l -> l.append(stream, type, payload));
    }

    @Override
    public CompletableFuture<List<Appended>> appendAll(List<NewEvent> events) {
        return withLog(l -> l.appendAll(events));
    }

    @Override
    public long lastSequence() {
        return withLog(FileEventLog::lastSequence);
    }

    @Override
    public EventPage read(StreamFilter streams, long fromSequence, int maxEvents) {
        return withLog(l -> l.read(streams, fromSequence, maxEvents));
    }

    @Override
    public long replay(StreamFilter streams, long fromSequence, ReplayHandler handler) {
        return withLog(l -> l.replay(streams, fromSequence, handler));
    }

    @Override
    public Subscription subscribe(StreamFilter streams, long fromSequence, Subscriber subscriber) {
        return withLog(l -> l.subscribe(streams, fromSequence, subscriber));
    }

    @Override
    public Snapshot saveSnapshot(String stream, long sequence, byte[] data) {
        return withLog(l -> l.saveSnapshot(stream, sequence, data));
    }

    @Override
    public Optional<Snapshot> loadSnapshot(String stream) {
        return withLog(l -> l.loadSnapshot(stream));
    }

    @Override
    public CompactionResult compact() {
        return withLog(FileEventLog::compact);
    }

    @Override
    public StorageStatus status() {
        return withLog(FileEventLog::status);
    }
}
