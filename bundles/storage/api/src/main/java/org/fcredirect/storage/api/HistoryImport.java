package org.fcredirect.storage.api;

import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Copies the history of another event log into this node's log, once, while this node's log is
 * still empty: how an installation moves to another backend and keeps its flows, policies and
 * settings. Offered by the backends that can take a history in (the Kafka history takes a file
 * log's); the source is named in the terms its importer documents.
 */
@ProviderType
public interface HistoryImport {

    /**
     * Copies every event of the source in sequence order, keeping what the source stored atomically
     * together, and the source's newest snapshots with their sequence numbers translated to the
     * positions the events took here. Runs on the calling thread until done.
     *
     * @param source where the log to copy lives (the Kafka backend: a file log's directory)
     * @param progress hears a line now and then while the copy runs
     * @throws StorageException when this log is not empty, the source cannot be read, or a write
     *         fails (the message says how far the copy got)
     */
    HistoryImportResult importHistory(String source, Consumer<String> progress);
}
