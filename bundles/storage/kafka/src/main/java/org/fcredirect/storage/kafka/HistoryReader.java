package org.fcredirect.storage.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.fcredirect.storage.api.EventPage;
import org.fcredirect.storage.api.EventRules;
import org.fcredirect.storage.api.ReplayHandler;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.api.StreamFilter;

/**
 * Reads the history on the calling thread, each call with a consumer of its own (a consumer is
 * not thread-safe; a read is not on a hot path). Reads only committed events
 * ({@code read_committed}), up to the end the call saw when it began, and gives up with the
 * reason after the configured timeout rather than wait for an unreachable cluster.
 */
final class HistoryReader {
    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaClients clients;
    private final TopicPartition partition;

    HistoryReader(KafkaClients clients) {
        this.clients = clients;
        this.partition = new TopicPartition(clients.settings().topic(), 0);
    }

    TopicPartition partition() {
        return partition;
    }

    EventPage read(StreamFilter streams, long fromSequence, int maxEvents) {
        EventRules.checkSequence("read from sequence", fromSequence);
        if (maxEvents <= 0) {
            throw new StorageException("a read needs a positive maximum of events, not " + maxEvents);
        }
        List<StoredEvent> out = new ArrayList<>();
        Scan scan = scan(fromSequence, e -> {
            if (streams.matches(e.stream())) {
                out.add(e);
            }
            return out.size() < maxEvents;
        });
        return new EventPage(out, scan.next(), scan.endOfLog());
    }

    long replay(StreamFilter streams, long fromSequence, ReplayHandler handler) {
        EventRules.checkSequence("replay from sequence", fromSequence);
        return scan(fromSequence, e -> !streams.matches(e.stream()) || handler.onEvent(e)).next();
    }

    /** Sequence positions of the history: {first stored, next to be written}, both as sequence numbers. */
    long[] bounds(Duration t) {
        try (KafkaConsumer<byte[], byte[]> c = clients.consumer("reader")) {
            Map<TopicPartition, Long> begin = c.beginningOffsets(List.of(partition), t);
            Map<TopicPartition, Long> end = c.endOffsets(List.of(partition), t);
            return new long[] {RecordFormat.sequenceOf(begin.get(partition)), RecordFormat.sequenceOf(end.get(partition))};
        } catch (KafkaException e) {
            throw new StorageException("reading the history's bounds from " + clients.settings() + " failed: "
                    + KafkaErrors.reason(e), e);
        }
    }

    /**
     * @param next the sequence to continue from: one past the last record looked at
     * @param endOfLog the scan reached the end the history had when it began
     */
    private record Scan(long next, boolean endOfLog) {
    }

    /** Sees the events of a scan; records this log did not write are skipped. */
    private interface Visitor {
        /** @return false to stop after this event */
        boolean visit(StoredEvent e);
    }

    private Scan scan(long fromSequence, Visitor visitor) {
        long timeout = clients.settings().timeoutMillis();
        Duration wait = Duration.ofMillis(timeout);
        try (KafkaConsumer<byte[], byte[]> c = clients.consumer("reader")) {
            c.assign(List.of(partition));
            long end = c.endOffsets(List.of(partition), wait).get(partition);
            c.seek(partition, RecordFormat.offsetOf(fromSequence));
            long position = c.position(partition, wait);
            long deadline = System.nanoTime() + wait.toNanos();
            while (position < end) {
                var records = c.poll(POLL);
                if (records.isEmpty()) {
                    position = c.position(partition, wait);
                    if (System.nanoTime() > deadline) {
                        throw new StorageException("reading the history from " + clients.settings()
                                + " made no progress for " + timeout + " ms at sequence "
                                + RecordFormat.sequenceOf(position));
                    }
                    continue;
                }
                deadline = System.nanoTime() + wait.toNanos();
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if (r.offset() >= end) {
                        return new Scan(RecordFormat.sequenceOf(r.offset()), true);
                    }
                    StoredEvent e = RecordFormat.toEvent(r);
                    if (e != null && !visitor.visit(e)) {
                        return new Scan(RecordFormat.sequenceOf(r.offset() + 1), r.offset() + 1 >= end);
                    }
                }
                position = c.position(partition, wait);
            }
            return new Scan(RecordFormat.sequenceOf(position), true);
        } catch (KafkaException e) {
            throw new StorageException("reading the history from " + clients.settings() + " failed: "
                    + KafkaErrors.reason(e), e);
        }
    }
}
