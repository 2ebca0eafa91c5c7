package org.fcredirect.flow.impl;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fcredirect.flow.impl.FlowEventCodec.Encoded;
import org.fcredirect.storage.api.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The applying side of {@link EventWriter}: passes plain events through, holds the parts of each
 * large change until its commit arrives, and drops the parts of a change that lost or never got a
 * commit. Several nodes may write large changes at once, so their parts interleave: they are held
 * per batch. Parts still waiting after {@value #EXPIRY_EVENTS} later events of the stream belong
 * to a writer that stopped between its parts and its commit; every node drops them at the same
 * event, so they agree.
 */
final class BatchAssembler {
    static final int EXPIRY_EVENTS = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(BatchAssembler.class);

    private static final class Batch {
        final long firstSequence;
        final long expiresAfter;
        final List<Encoded> held = new ArrayList<>();
        int parts;

        Batch(long firstSequence, long expiresAfter) {
            this.firstSequence = firstSequence;
            this.expiresAfter = expiresAfter;
        }
    }

    private final Map<Long, Batch> open = new LinkedHashMap<>();
    private long eventsSeen;

    /** The events to apply now, in order; empty while a batch is incomplete. */
    List<Encoded> feed(StoredEvent e) {
        eventsSeen++;
        expire(e.sequence());
        switch (e.type()) {
            case EventWriter.PART -> {
                part(e);
                return List.of();
            }
            case EventWriter.COMMIT -> {
                return commit(e);
            }
            default -> {
                return List.of(new Encoded(e.type(), e.payload()));
            }
        }
    }

    /** A commit whose change lost: its parts never apply. */
    void discard(StoredEvent e) {
        if (EventWriter.COMMIT.equals(e.type())) {
            open.remove(batchOf(e));
        }
    }

    /** No batch waits for its commit: a snapshot now loses nothing that events after it need. */
    boolean idle() {
        return open.isEmpty();
    }

    private void part(StoredEvent e) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(e.payload()))) {
            checkVersion(in, e);
            long id = in.readLong();
            int index = in.readInt();
            int count = in.readInt();
            Batch b = open.computeIfAbsent(id, k -> new Batch(e.sequence(), eventsSeen + EXPIRY_EVENTS));
            if (index != b.parts) {
                throw new IllegalArgumentException("batch " + id + " part " + index + " at sequence " + e.sequence()
                        + " follows part " + (b.parts - 1));
            }
            b.parts++;
            for (int i = 0; i < count; i++) {
                String type = in.readUTF();
                byte[] payload = new byte[in.readInt()];
                in.readFully(payload);
                b.held.add(new Encoded(type, payload));
            }
        } catch (IOException ex) {
            throw new IllegalArgumentException("batch part at sequence " + e.sequence() + " is truncated", ex);
        }
    }

    private List<Encoded> commit(StoredEvent e) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(e.payload()))) {
            checkVersion(in, e);
            long id = in.readLong();
            int parts = in.readInt();
            Batch b = open.remove(id);
            int seen = b == null ? 0 : b.parts;
            if (parts != seen) {
                throw new IllegalArgumentException("batch commit at sequence " + e.sequence() + " names batch " + id
                        + " of " + parts + " parts, but " + seen + " parts of it precede it");
            }
            return b == null ? List.of() : List.copyOf(b.held);
        } catch (IOException ex) {
            throw new IllegalArgumentException("batch commit at sequence " + e.sequence() + " is truncated", ex);
        }
    }

    private static long batchOf(StoredEvent e) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(e.payload()))) {
            checkVersion(in, e);
            return in.readLong();
        } catch (IOException ex) {
            throw new IllegalArgumentException("batch commit at sequence " + e.sequence() + " is truncated", ex);
        }
    }

    private static void checkVersion(DataInputStream in, StoredEvent e) throws IOException {
        byte version = in.readByte();
        if (version != FlowEventCodec.VERSION && version != FlowEventCodec.VERSION_FIXED_PORTS) {
            throw new IllegalArgumentException(e.type() + " at sequence " + e.sequence() + " has format version " + version);
        }
    }

    private void expire(long atSequence) {
        for (Iterator<Map.Entry<Long, Batch>> i = open.entrySet().iterator(); i.hasNext();) {
            Map.Entry<Long, Batch> b = i.next();
            if (b.getValue().expiresAfter < eventsSeen) {
                LOG.warn("Dropped {} parts of batch {} of the flow stream from sequence {}: no commit in {} events"
                        + " (its writer stopped before committing), at sequence {}", b.getValue().parts, b.getKey(),
                        b.getValue().firstSequence, EXPIRY_EVENTS, atSequence);
                i.remove();
            }
        }
    }
}
