package org.fcredirect.flow.impl;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.fcredirect.flow.api.NotStoredException;
import org.fcredirect.flow.impl.FlowEventCodec.Encoded;
import org.fcredirect.storage.api.Appended;
import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.EventRules;
import org.fcredirect.storage.api.NewEvent;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.follow.ChangeGuard;
import org.fcredirect.storage.follow.ChangeGuard.Inner;

/**
 * Stores one change's events atomically and waits until they are durable. A change small enough
 * goes in one {@link EventLog#appendAll} (atomic by contract), or inside the one event of its
 * {@link ChangeGuard} when it has one. A bigger one (a bulk import, a policy change over many
 * flows) goes as {@value #PART} events holding the real ones, appended in several calls, then one
 * {@value #COMMIT} event, inside its guard's: the parts apply only once their commit does ({@link BatchAssembler}), so a change cut
 * short by a failure or a crash is never half applied. Batch ids are random, since several nodes
 * may write batches at once. A timed-out append leaves its outcome unknown to the caller only: the
 * state follows the log, so if the log stored it, it applies when it arrives, on every node.
 */
final class EventWriter {
    static final String PART = "batch-part";
    static final String COMMIT = "batch-commit";
    /** Payload bytes one appendAll may carry; well under what a backend stores at once. */
    static final int ATOMIC_BYTES = 1 << 20;
    /** Per-event allowance for a backend's framing, stream and type names. */
    static final int EVENT_OVERHEAD = 128;
    static final int PART_BYTES = 512 << 10;
    private final SecureRandom random = new SecureRandom();

    private final EventLog log;
    private final String stream;
    private volatile long timeoutMillis;

    EventWriter(EventLog log, String stream, long timeoutMillis) {
        this.log = log;
        this.stream = stream;
        this.timeoutMillis = timeoutMillis;
    }

    void timeoutMillis(long millis) {
        timeoutMillis = millis;
    }

    long timeoutMillis() {
        return timeoutMillis;
    }

    /**
     * @return the sequence number of the last event stored
     * @throws NotStoredException when the log refused or failed the append: nothing of the change applies
     */
    long append(List<Encoded> events, ChangeGuard guard) {
        long bytes = 0;
        for (Encoded e : events) {
            bytes += e.payload().length + EVENT_OVERHEAD;
        }
        if (guard != null) {
            List<Inner> inner = events.stream().map(e -> new Inner(e.type(), e.payload())).toList();
            if (guard.encodedSize(inner) <= EventRules.MAX_PAYLOAD_BYTES) {
                return store(List.of(guard.wrap(stream, inner)));
            }
        } else if (events.size() <= EventRules.MAX_EVENTS_PER_APPEND && bytes <= ATOMIC_BYTES) {
            return store(toNewEvents(events));
        }
        long batchId = random.nextLong();
        List<byte[]> parts = parts(batchId, events);
        List<NewEvent> call = new ArrayList<>();
        long callBytes = 0;
        for (byte[] part : parts) {
            if (!call.isEmpty() && callBytes + part.length + EVENT_OVERHEAD > ATOMIC_BYTES) {
                store(call);
                call = new ArrayList<>();
                callBytes = 0;
            }
            call.add(NewEvent.of(stream, PART, part));
            callBytes += part.length + EVENT_OVERHEAD;
        }
        store(call);
        byte[] commit = commit(batchId, parts.size());
        return store(List.of(guard == null ? NewEvent.of(stream, COMMIT, commit)
                : guard.wrap(stream, List.of(new Inner(COMMIT, commit)))));
    }

    private List<NewEvent> toNewEvents(List<Encoded> events) {
        List<NewEvent> out = new ArrayList<>(events.size());
        for (Encoded e : events) {
            out.add(NewEvent.of(stream, e.type(), e.payload()));
        }
        return out;
    }

    private long store(List<NewEvent> events) {
        CompletableFuture<List<Appended>> done;
        try {
            done = log.appendAll(events);
        } catch (StorageException e) {
            throw new NotStoredException("the event log refused the change: " + e.getMessage(), e);
        }
        try {
            List<Appended> stored = done.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return stored.get(stored.size() - 1).sequence();
        } catch (ExecutionException e) {
            throw new NotStoredException("the event log failed to store the change: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new NotStoredException("an append to the event log took longer than " + timeoutMillis + " ms and its"
                    + " outcome is unknown: if the log stored it, it applies when it arrives", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotStoredException("interrupted while the event log stored a change; its outcome is unknown:"
                    + " if the log stored it, it applies when it arrives", e);
        }
    }

    /** Part payload: version, batch id, part index, event count, then per event: type (UTF), length, bytes. */
    private static List<byte[]> parts(long batchId, List<Encoded> events) {
        List<byte[]> parts = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream(PART_BYTES + (64 << 10));
        int count = 0;
        try {
            DataOutputStream out = new DataOutputStream(body);
            for (Encoded e : events) {
                out.writeUTF(e.type());
                out.writeInt(e.payload().length);
                out.write(e.payload());
                count++;
                if (body.size() >= PART_BYTES) {
                    parts.add(part(batchId, parts.size(), count, body));
                    body.reset();
                    count = 0;
                }
            }
            if (count > 0) {
                parts.add(part(batchId, parts.size(), count, body));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    private static byte[] part(long batchId, int index, int count, ByteArrayOutputStream body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.size() + 17);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(FlowEventCodec.VERSION);
        out.writeLong(batchId);
        out.writeInt(index);
        out.writeInt(count);
        body.writeTo(out);
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] commit(long batchId, int parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(13);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FlowEventCodec.VERSION);
            out.writeLong(batchId);
            out.writeInt(parts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
