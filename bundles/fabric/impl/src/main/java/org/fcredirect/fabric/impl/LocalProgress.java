package org.fcredirect.fabric.impl;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.EventPage;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StreamFilter;
import org.fcredirect.storage.api.StreamProgress;

/**
 * How far this node has applied the log. Each service reports the last event of its stream it
 * applied; a stream whose later positions hold no event of its own is applied up to the log's
 * end, so an idle stream does not look behind a busy log. Whether a stream has unapplied events
 * is read from the log, only over positions not read before, so a quiet log costs no read at all.
 */
final class LocalProgress {
    /** Where a stream stood at the last look. */
    private static final class StreamState {
        long applied = -1;
        /** Every position up to this one holds no event of the stream later than {@code applied}. */
        long clearTo;
    }

    /** @param applied the node's applied sequence (-1: no service reports), @param streams each stream's own */
    record Progress(long applied, Map<String, Long> streams) {
    }

    /** A whole read of a stream's unread positions gives up after this many pages and counts it as behind. */
    private static final int MAX_PAGES = 8;
    private final Map<String, StreamState> states = new HashMap<>();

    synchronized Progress at(Collection<StreamProgress> reporters, EventLog log, long logEnd) {
        Map<String, Long> streams = new TreeMap<>();
        for (StreamProgress p : reporters) {
            streams.merge(p.stream(), p.appliedSequence(), Math::min);
        }
        states.keySet().retainAll(streams.keySet());
        long applied = -1;
        for (Map.Entry<String, Long> e : streams.entrySet()) {
            long upTo = appliedUpTo(e.getKey(), e.getValue(), log, logEnd);
            applied = applied < 0 ? upTo : Math.min(applied, upTo);
        }
        return new Progress(applied, streams);
    }

    private long appliedUpTo(String stream, long applied, EventLog log, long logEnd) {
        StreamState s = states.computeIfAbsent(stream, k -> new StreamState());
        if (s.applied != applied) {
            s.applied = applied;
            s.clearTo = applied;
        }
        if (log == null || logEnd < 0) {
            return applied;
        }
        try {
            for (int page = 0; s.clearTo < logEnd && page < MAX_PAGES; page++) {
                EventPage p = log.read(StreamFilter.of(stream), s.clearTo + 1, 1);
                if (!p.events().isEmpty()) {
                    return applied;
                }
                s.clearTo = Math.max(s.clearTo, p.nextSequence() - 1);
                if (p.endOfLog()) {
                    s.clearTo = Math.max(s.clearTo, logEnd);
                }
            }
        } catch (StorageException e) {
            return applied;
        }
        return s.clearTo >= logEnd ? logEnd : applied;
    }
}
