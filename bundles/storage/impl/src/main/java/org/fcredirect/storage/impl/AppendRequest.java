package org.fcredirect.storage.impl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.fcredirect.storage.api.Appended;
import org.fcredirect.storage.api.NewEvent;
import org.fcredirect.storage.api.StorageException;

/** Events waiting for the writer, stored together in one write, and the future that waits for them. */
final class AppendRequest {
    /** Tells the writer to finish what is queued before it, then stop. */
    static final AppendRequest STOP = new AppendRequest(new NewEvent[0], new CompletableFuture<>(), null);

    final NewEvent[] events;
    final int bytes;
    private final CompletableFuture<Appended> single;
    private final CompletableFuture<List<Appended>> all;

    private AppendRequest(NewEvent[] events, CompletableFuture<Appended> single, CompletableFuture<List<Appended>> all) {
        this.events = events;
        this.single = single;
        this.all = all;
        int b = 0;
        for (NewEvent e : events) {
            b += RecordCodec.recordSize(e.stream(), e.type(), e.payloadSize());
        }
        this.bytes = b;
    }

    static AppendRequest one(NewEvent event) {
        return new AppendRequest(new NewEvent[] {event}, new CompletableFuture<>(), null);
    }

    static AppendRequest all(List<NewEvent> events) {
        return new AppendRequest(events.toArray(new NewEvent[0]), null, new CompletableFuture<>());
    }

    CompletableFuture<Appended> single() {
        return single;
    }

    CompletableFuture<List<Appended>> all() {
        return all;
    }

    void complete(long firstSequence, Instant timestamp) {
        if (single != null) {
            single.complete(new Appended(firstSequence, timestamp));
        } else {
            List<Appended> result = new ArrayList<>(events.length);
            for (int i = 0; i < events.length; i++) {
                result.add(new Appended(firstSequence + i, timestamp));
            }
            all.complete(List.copyOf(result));
        }
    }

    void fail(StorageException error) {
        if (single != null) {
            single.completeExceptionally(error);
        } else {
            all.completeExceptionally(error);
        }
    }
}
