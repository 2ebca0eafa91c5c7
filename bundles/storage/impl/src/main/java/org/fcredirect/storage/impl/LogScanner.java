package org.fcredirect.storage.impl;

import java.util.List;

import org.fcredirect.storage.api.ReplayHandler;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.api.StreamFilter;

/**
 * Reads committed records straight out of the segments' mappings: a binary search in the sparse
 * index, then a forward walk that checks every record it passes (length, CRC, sequence) and
 * decodes only those the filter selects. No system call per record.
 */
final class LogScanner {
    private LogScanner() {
    }

    /** Sees each selected record with whether it ends the write that stored it. */
    interface RecordHandler {
        /** @return false to stop after this record */
        boolean onRecord(StoredEvent event, boolean endsWrite);
    }

    /** {@link #scan(List, long, long, StreamFilter, RecordHandler)} for a handler of events only. */
    static long scan(List<Segment> segments, long from, long upTo, StreamFilter filter, ReplayHandler handler) {
        return scan(segments, from, upTo, filter, (e, endsWrite) -> handler.onEvent(e));
    }

    /**
     * @param segments a snapshot of the chain; {@code from} must not be below its first sequence
     * @param upTo the last sequence to look at; must be committed
     * @return one past the last sequence looked at
     * @throws StorageException on a record that fails its checks
     */
    static long scan(List<Segment> segments, long from, long upTo, StreamFilter filter, RecordHandler handler) {
        long next = from;
        for (int si = segmentOf(segments, from); si < segments.size() && next <= upTo; si++) {
            Segment segment = segments.get(si);
            int end = segment.end();
            long[] entry = segment.index.floor(next);
            int offset = entry == null ? Segment.HEADER_BYTES : (int) entry[1];
            long sequence = entry == null ? segment.firstSequence : entry[0];
            RecordView view = new RecordView(segment.map);
            while (sequence <= upTo && offset < end) {
                int length = view.check(offset, end);
                if (length < 0 || view.sequence(offset) != sequence) {
                    throw new StorageException("event log segment " + segment.path + " is corrupt at offset " + offset
                            + " (sequence " + sequence + "): "
                            + RecordView.reason(length < 0 ? length : RecordView.BAD_SEQUENCE)
                            + "; refusing to serve it");
                }
                if (sequence >= next) {
                    String stream = view.stream(offset);
                    if (filter.matches(stream)) {
                        StoredEvent e = view.decode(offset, length, stream);
                        boolean endsWrite = view.writeIndex(offset) == view.writeCount(offset) - 1;
                        if (!handler.onRecord(e, endsWrite)) {
                            return sequence + 1;
                        }
                    }
                    next = sequence + 1;
                }
                offset += length;
                sequence++;
            }
        }
        return next;
    }

    /** The index of the last segment starting at or below {@code sequence}. */
    private static int segmentOf(List<Segment> segments, long sequence) {
        int lo = 0;
        int hi = segments.size() - 1;
        int found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (segments.get(mid).firstSequence <= sequence) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
