package org.fcredirect.storage.api;

import java.time.Duration;
import java.util.List;

/** What a {@link HistoryImport} copied: figures for the operator's one line. */
public final class HistoryImportResult {
    private final String source;
    private final long events;
    private final List<String> streams;
    private final int snapshots;
    private final long lastSequence;
    private final Duration took;

    /**
     * @param streams the names of the streams copied, in the order first met
     * @param lastSequence the sequence the last copied event took in this log
     */
    public HistoryImportResult(String source, long events, List<String> streams, int snapshots, long lastSequence,
                               Duration took) {
        if (source == null || streams == null || took == null || events < 0 || snapshots < 0 || lastSequence < 0) {
            throw new StorageException("an import result needs a source, its streams, non-negative counts and a time");
        }
        this.source = source;
        this.events = events;
        this.streams = List.copyOf(streams);
        this.snapshots = snapshots;
        this.lastSequence = lastSequence;
        this.took = took;
    }

    public String source() {
        return source;
    }

    public long events() {
        return events;
    }

    public List<String> streams() {
        return streams;
    }

    public int snapshots() {
        return snapshots;
    }

    public long lastSequence() {
        return lastSequence;
    }

    public Duration took() {
        return took;
    }

    @Override
    public String toString() {
        return "copied " + events + " events of " + streams.size() + " streams " + streams + " and " + snapshots
                + " snapshots from " + source + " in " + took.toMillis() + " ms (last sequence here " + lastSequence + ")";
    }
}
