package org.fcredirect.storage.impl;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.fcredirect.storage.api.StoredEvent;

/** The subscriptions' live buffers, which the writer feeds after each durable write. */
final class LiveFeed {
    private final List<LiveBuffer> buffers = new CopyOnWriteArrayList<>();

    void add(LiveBuffer b) {
        buffers.add(b);
    }

    void remove(LiveBuffer b) {
        buffers.remove(b);
    }

    boolean hasSubscriptions() {
        return !buffers.isEmpty();
    }

    /** Writer thread: a committed batch, in sequence order, ending at {@code lastSequence}. */
    void publish(List<StoredEvent> batch, long lastSequence) {
        for (LiveBuffer b : buffers) {
            b.offer(batch, lastSequence);
        }
    }
}
