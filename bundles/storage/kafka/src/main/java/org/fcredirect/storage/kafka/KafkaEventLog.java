package org.fcredirect.storage.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.fcredirect.storage.api.Appended;
import org.fcredirect.storage.api.CompactionResult;
import org.fcredirect.storage.api.DurabilityMode;
import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.EventPage;
import org.fcredirect.storage.api.EventRules;
import org.fcredirect.storage.api.NewEvent;
import org.fcredirect.storage.api.ReplayHandler;
import org.fcredirect.storage.api.Snapshot;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StorageStatus;
import org.fcredirect.storage.api.StreamFilter;
import org.fcredirect.storage.api.Subscriber;
import org.fcredirect.storage.api.Subscription;

/**
 * The event log on Kafka: one single-partition history topic whose offsets are the sequence
 * (offset + 1), written in transactions by {@link TransactionWriter}, read {@code read_committed}.
 * Each transaction ends with a marker that takes an offset, so sequences have gaps (storage API
 * 2.0). Opening never waits for Kafka: the writer connects in the background and, until it has,
 * appends fail at once with the reason and {@link #status()} is faulted with it.
 */
public final class KafkaEventLog implements EventLog {
    /** A status view answers within this even when Kafka does not. */
    private static final Duration STATUS_WAIT = Duration.ofSeconds(2);

    private final KafkaClients clients;
    private final LogHealth health;
    private final CommitMeter meter = new CommitMeter();
    private final TransactionWriter writer;
    private final HistoryReader reader;
    private final HistoryFigures figures;
    private final SnapshotStore snapshots;
    private final Set<KafkaSubscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger subscriptionCount = new AtomicInteger();
    /** The highest sequence known durable: this node's own commits, or the history's end when last read. */
    private final AtomicLong lastKnown = new AtomicLong();
    /** What this node appended since the log was opened: events, and their stream, type and payload bytes. */
    private final LongAdder appendedEvents = new LongAdder();
    private final LongAdder appendedBytes = new LongAdder();
    private volatile boolean open = true;

    private KafkaEventLog(KafkaSettings settings, Clock clock) {
        this.clients = new KafkaClients(settings);
        this.health = new LogHealth(settings.toString(), clock);
        this.writer = new TransactionWriter(clients, health, meter);
        this.reader = new HistoryReader(clients);
        this.figures = new HistoryFigures(clients);
        this.snapshots = new SnapshotStore(clients, writer, this::lastSequence, clock);
    }

    /** Starts the writer, which connects (and creates the topics) in the background. */
    static KafkaEventLog open(KafkaSettings settings, Clock clock) {
        KafkaEventLog log = new KafkaEventLog(settings, clock);
        log.writer.start();
        return log;
    }

    KafkaSettings settings() {
        return clients.settings();
    }

    @Override
    public CompletableFuture<Appended> append(String stream, String type, byte[] payload) {
        return appendAll(List.of(NewEvent.of(stream, type, payload))).thenApply(l -> l.get(0));
    }

    @Override
    public CompletableFuture<List<Appended>> appendAll(List<NewEvent> events) {
        EventRules.checkAppendAll(events);
        String topic = clients.settings().topic();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(events.size());
        long bytes = 0;
        for (NewEvent e : events) {
            byte[] key = RecordFormat.utf8(e.stream());
            byte[] type = RecordFormat.utf8(e.type());
            ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, 0, key, e.payload());
            r.headers().add(RecordFormat.TYPE_HEADER, type);
            records.add(r);
            bytes += key.length + type.length + e.payloadSize();
        }
        long appendedBytes = bytes;
        PendingWrite w = PendingWrite.of(records, true);
        writer.submit(w);
        return w.done().thenApply(m -> appended(m, appendedBytes));
    }

    private List<Appended> appended(List<RecordMetadata> metadata, long bytes) {
        List<Appended> out = new ArrayList<>(metadata.size());
        for (RecordMetadata m : metadata) {
            out.add(new Appended(RecordFormat.sequenceOf(m.offset()), Instant.ofEpochMilli(m.timestamp())));
        }
        lastKnown.accumulateAndGet(out.get(out.size() - 1).sequence(), Math::max);
        appendedEvents.add(out.size());
        appendedBytes.add(bytes);
        return out;
    }

    /**
     * The history's end as Kafka reports it (the last committed position); when Kafka does not
     * answer, the highest sequence this node knows to be durable.
     */
    @Override
    public long lastSequence() {
        requireOpen();
        if (!health.ready()) {
            return lastKnown.get();
        }
        try {
            long end = reader.bounds(Duration.ofMillis(clients.settings().timeoutMillis()))[1] - 1;
            return lastKnown.accumulateAndGet(end, Math::max);
        } catch (StorageException e) {
            return lastKnown.get();
        }
    }

    @Override
    public EventPage read(StreamFilter streams, long fromSequence, int maxEvents) {
        requireReady();
        return reader.read(streams, fromSequence, maxEvents);
    }

    @Override
    public long replay(StreamFilter streams, long fromSequence, ReplayHandler handler) {
        requireReady();
        return reader.replay(streams, fromSequence, handler);
    }

    @Override
    public Subscription subscribe(StreamFilter streams, long fromSequence, Subscriber subscriber) {
        requireOpen();
        EventRules.checkSequence("subscribe from sequence", fromSequence);
        KafkaSubscription s = new KafkaSubscription(clients, reader.partition(), streams, fromSequence, subscriber,
                "fcr-kafka-sub-" + clients.settings().nodeId() + "-" + subscriptionCount.incrementAndGet(),
                subscriptions::remove);
        subscriptions.add(s);
        s.start();
        return s;
    }

    @Override
    public Snapshot saveSnapshot(String stream, long sequence, byte[] data) {
        requireOpen();
        return snapshots.save(stream, sequence, data);
    }

    @Override
    public Optional<Snapshot> loadSnapshot(String stream) {
        requireReady();
        return snapshots.load(stream);
    }

    /**
     * Refused: the history is every node's, and no node knows which of the others' streams still
     * need old events. The topic's retention is the operator's decision, made in Kafka.
     */
    @Override
    public CompactionResult compact() {
        throw new StorageException("compaction is refused on the shared Kafka history " + clients.settings().topic()
                + ": other nodes' streams may still need its events; set the topic's retention in Kafka instead");
    }

    @Override
    public String nodeId() {
        return clients.settings().nodeId();
    }

    @Override
    public StorageStatus status() {
        KafkaSettings s = clients.settings();
        StorageStatus.Builder b = StorageStatus.builder("kafka", DurabilityMode.REPLICATED)
                .open(open)
                .appendsPerSecond(meter.eventsPerSecond(System.nanoTime()))
                .forceLatency(meter.latency())
                .failedAppends(health.failedAppends())
                .subscriptions(subscriptions.size())
                .fault(health.faulted() || !health.ready(), health.lastError() != null ? health.lastError()
                        : health.ready() ? null : "connecting to " + s, health.lastErrorAt());
        long first = 1;
        long last = lastKnown.get();
        long positions = 0;
        long storedBytes = 0;
        if (health.ready()) {
            try {
                long[] bounds = figures.bounds(STATUS_WAIT);
                first = bounds[0];
                last = lastKnown.accumulateAndGet(bounds[1] - 1, Math::max);
                positions = bounds[1] - bounds[0];
                b.detail("positions", positions);
            } catch (StorageException e) {
                b.warning("the history's bounds are unknown: " + e.getMessage());
            }
            try {
                storedBytes = figures.storedBytes(STATUS_WAIT);
            } catch (StorageException e) {
                b.warning("the history's size on the brokers is unknown: " + e.getMessage());
            }
        }
        // counting the events themselves would mean reading the whole history: the positions are
        // the events plus one transaction marker per commit, an upper bound known from two offsets
        b.sequences(first, last).size(positions, storedBytes)
                .detail("eventCount", "positions in the history (events and one transaction marker per commit)")
                .detail("byteCount", "the history partition's size on its largest replica, Kafka's framing included")
                .detail("appendedByThisNode", appendedEvents.sum() + " events, " + appendedBytes.sum()
                        + " bytes of stream, type and payload");
        if (!health.ready()) {
            b.warning("not connected to Kafka: appends fail until it is: "
                    + Optional.ofNullable(health.lastError()).orElse("connecting"));
        }
        return b.detail("bootstrapServers", String.join(",", s.bootstrapServers()))
                .detail("nodeId", s.nodeId())
                .detail("topic", s.topic())
                .detail("snapshotTopic", s.snapshotTopic())
                .detail("replicationFactor", s.replicationFactor())
                .detail("minInsyncReplicas", s.minInsyncReplicas())
                .detail("brokers", health.brokers())
                .detail("connected", health.ready())
                .detail("atomicity", "one Kafka transaction per group of waiting appends (at most "
                        + s.maxEventsPerTransaction() + " events); its marker takes a sequence number")
                .detail("timeoutMillis", s.timeoutMillis())
                .build();
    }

    /** Ends every subscription and stops the writer; returns once no thread of this log runs. */
    void close() {
        open = false;
        for (KafkaSubscription s : List.copyOf(subscriptions)) {
            s.endByLog("the Kafka event log was closed");
        }
        figures.close(STATUS_WAIT);
        writer.close(Duration.ofMillis(2L * clients.settings().timeoutMillis()));
    }

    /**
     * Reads wait, at most the timeout, for the first connection: until then the topics may not
     * exist yet, and Kafka would let a read wait for them to the end of its own timeout.
     */
    private void requireReady() {
        requireOpen();
        try {
            if (!health.awaitReady(clients.settings().timeoutMillis())) {
                throw new StorageException("Kafka history not available: "
                        + Optional.ofNullable(health.lastError()).orElse("not connected within "
                                + clients.settings().timeoutMillis() + " ms to " + clients.settings()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for the Kafka history", e);
        }
    }

    private void requireOpen() {
        if (!open) {
            throw new StorageException("the Kafka event log is closed");
        }
    }
}
