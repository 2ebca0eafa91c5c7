package org.fcredirect.flow.impl;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.fcredirect.flow.impl.FlowEventCodec.Encoded;
import org.fcredirect.storage.api.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replay's side of {@link EventWriter}: passes plain events through, holds the parts of a large
 * change until its commit arrives, and drops parts that never got one (the change was refused).
 */
final class BatchAssembler {
    private static final Logger LOG = LoggerFactory.getLogger(BatchAssembler.class);

    private long batchId = -1;
    private int partsSeen;
    private final List<Encoded> held = new ArrayList<>();

    /** The events to apply now, in order; empty while a batch is incomplete. */
    List<Encoded> feed(StoredEvent e) {
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

    private void part(StoredEvent e) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(e.payload()))) {
            checkVersion(in, e);
            long id = in.readLong();
            int index = in.readInt();
            int count = in.readInt();
            if (id != batchId) {
                dropIncomplete(e.sequence());
                batchId = id;
            }
            if (index != partsSeen) {
                throw new IllegalArgumentException("batch " + id + " part " + index + " at sequence " + e.sequence()
                        + " follows part " + (partsSeen - 1));
            }
            partsSeen++;
            for (int i = 0; i < count; i++) {
                String type = in.readUTF();
                byte[] payload = new byte[in.readInt()];
                in.readFully(payload);
                held.add(new Encoded(type, payload));
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
            if (id != batchId || parts != partsSeen) {
                throw new IllegalArgumentException("batch commit at sequence " + e.sequence() + " names batch " + id
                        + " of " + parts + " parts, but " + partsSeen + " parts of batch " + batchId + " precede it");
            }
            List<Encoded> complete = List.copyOf(held);
            reset();
            return complete;
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

    /** Ends replay: parts still held belong to a change that was never committed. */
    void finish() {
        dropIncomplete(-1);
    }

    private void dropIncomplete(long atSequence) {
        if (!held.isEmpty() || partsSeen > 0) {
            LOG.warn("Skipped {} parts of batch {} of the flow stream that was never committed{}", partsSeen, batchId,
                    atSequence < 0 ? "" : " (before sequence " + atSequence + ")");
        }
        reset();
    }

    private void reset() {
        held.clear();
        partsSeen = 0;
        batchId = -1;
    }
}
