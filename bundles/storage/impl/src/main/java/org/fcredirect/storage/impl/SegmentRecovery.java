package org.fcredirect.storage.impl;

import java.io.IOException;
import java.util.Arrays;

import org.fcredirect.storage.api.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every record of a segment when the log opens, and rebuilds the segment's sparse index
 * and per-stream summary on the way.
 *
 * <p>A segment's records must be gapless in sequence and grouped into complete writes (see
 * {@link RecordCodec}), followed by zeros only. The newest segment may end in a torn write, one
 * that was never acknowledged: it is cut off whole (so an {@code appendAll} is all or nothing),
 * zeroed, logged and counted. Anything else refuses to open, naming file, offset and sequence:
 * damage before the end of a sealed segment, or damage in the newest segment followed by a record
 * of a later write (the damaged write was acknowledged, since writes are forced in order).
 */
final class SegmentRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentRecovery.class);

    private final Segment segment;
    private final boolean newest;
    private final RecordView view;

    private long lastTimestamp;

    private SegmentRecovery(Segment segment, boolean newest) {
        this.segment = segment;
        this.newest = newest;
        this.view = new RecordView(segment.map);
    }

    /**
     * Recovers one segment in place.
     *
     * @param durable force the cut of a torn tail
     * @return the timestamp of the segment's last record, 0 when it is empty
     */
    static long recover(Segment segment, boolean newest, RecoveryStats stats, boolean durable) throws IOException {
        SegmentRecovery r = new SegmentRecovery(segment, newest);
        r.run(stats, durable);
        return r.lastTimestamp;
    }

    private void run(RecoveryStats stats, boolean durable) throws IOException {
        int capacity = segment.capacity;
        PendingWrite pending = new PendingWrite();
        int off = Segment.HEADER_BYTES;
        int validEnd = off;
        long expected = segment.firstSequence;
        int stop;
        while (true) {
            int length = view.check(off, capacity);
            if (length < 0) {
                stop = length;
                break;
            }
            long seq = view.sequence(off);
            if (seq != expected) {
                stop = RecordView.BAD_SEQUENCE;
                break;
            }
            int index = view.writeIndex(off);
            int count = view.writeCount(off);
            if (pending.isEmpty() ? index != 0 : index != pending.size() || count != pending.count) {
                stop = RecordView.BAD_FRAMING;
                break;
            }
            pending.add(off, seq, count, view.stream(off), view.timestamp(off));
            off += length;
            expected++;
            if (index == count - 1) {
                pending.commitTo(segment, off);
                lastTimestamp = pending.lastTimestamp;
                pending.clear();
                validEnd = off;
            }
        }
        int lastNonZero = lastNonZero(off, capacity);
        boolean clean = validEnd == off && lastNonZero < off;
        if (clean) {
            return;
        }
        long lastGood = expected - 1 - pending.size();
        String why = stop == RecordView.ZERO && lastNonZero < off
                ? "the rest of its write never reached the disk" : RecordView.reason(stop);
        if (!newest) {
            throw new StorageException("event log segment " + segment.path + " is corrupt at offset " + off
                    + " (expected sequence " + expected + ": " + why + ") and newer segments follow it;"
                    + " refusing to open rather than serve or lose acknowledged events");
        }
        int laterWrite = findLaterWrite(off + 1, lastNonZero + 1, lastGood + 1);
        if (laterWrite >= 0) {
            throw new StorageException("event log segment " + segment.path + " is corrupt in the middle: the record at offset "
                    + off + " (expected sequence " + expected + ") is bad (" + why + ") but intact records of a later"
                    + " write follow at offset " + laterWrite + " (sequence " + view.sequence(laterWrite) + ");"
                    + " refusing to open rather than serve or lose acknowledged events");
        }
        int cutTo = Math.max(lastNonZero + 1, off);
        long dropped = cutTo - validEnd;
        FileOps.zero(segment.channel(), validEnd, cutTo);
        if (durable) {
            segment.channel().force(false);
        }
        stats.cut(dropped, pending.size());
        LOG.warn("Event log recovery cut the torn tail of {} back to offset {} after sequence {}: dropped {} bytes"
                + " and {} intact records of an unacknowledged write ({} at offset {})",
                segment.path, validEnd, lastGood, dropped, pending.size(), why, off);
    }

    /** The highest offset in {@code [from, capacity)} holding a non-zero byte, or {@code from - 1}. */
    private int lastNonZero(int from, int capacity) {
        int i = capacity;
        while (i - 8 >= from && segment.map.getLong(i - 8) == 0) {
            i -= 8;
        }
        while (i > from && segment.map.get(i - 1) == 0) {
            i--;
        }
        return i - 1;
    }

    /**
     * Looks for an intact record in {@code [from, to)} that belongs to a write which began after
     * {@code writeStart}: proof that the damage before it was in an acknowledged write.
     *
     * @return its offset, or -1
     */
    private int findLaterWrite(int from, int to, long writeStart) {
        int p = from;
        while (p < to) {
            int length = view.check(p, segment.capacity);
            if (length > 0) {
                long seq = view.sequence(p);
                if (seq - view.writeIndex(p) > writeStart) {
                    return p;
                }
                p += length;
            } else {
                p++;
            }
        }
        return -1;
    }

    /** The records of a write seen so far; they count only once the write is complete. */
    private static final class PendingWrite {
        private int[] offsets = new int[16];
        private long[] sequences = new long[16];
        private String[] streams = new String[16];
        private int size;
        int count;
        long lastTimestamp;

        boolean isEmpty() {
            return size == 0;
        }

        int size() {
            return size;
        }

        void add(int offset, long sequence, int writeCount, String stream, long timestamp) {
            if (size == offsets.length) {
                offsets = Arrays.copyOf(offsets, size * 2);
                sequences = Arrays.copyOf(sequences, size * 2);
                streams = Arrays.copyOf(streams, size * 2);
            }
            offsets[size] = offset;
            sequences[size] = sequence;
            streams[size] = stream;
            size++;
            count = writeCount;
            lastTimestamp = timestamp;
        }

        void commitTo(Segment segment, int end) {
            for (int i = 0; i < size; i++) {
                segment.noteRecord(streams[i], sequences[i], offsets[i]);
            }
            segment.commit(end, sequences[size - 1], size);
        }

        void clear() {
            size = 0;
            count = 0;
        }
    }
}
