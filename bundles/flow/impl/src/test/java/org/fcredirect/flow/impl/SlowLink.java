package org.fcredirect.flow.impl;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.fcredirect.storage.api.Appended;
import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.NewEvent;
import org.fcredirect.storage.testkit.ForwardingEventLog;

/**
 * A node far from the log: it reads every event as soon as it is stored, but its own appends reach
 * the log {@code delayMillis} later, like a node whose link to the log's leader is slow.
 */
final class SlowLink extends ForwardingEventLog {
    private final ScheduledExecutorService link;
    private final long delayMillis;

    SlowLink(EventLog log, ScheduledExecutorService link, long delayMillis) {
        super(log);
        this.link = link;
        this.delayMillis = delayMillis;
    }

    private <T> CompletableFuture<T> later(Supplier<CompletableFuture<T>> append) {
        CompletableFuture<T> done = new CompletableFuture<>();
        link.schedule(() -> append.get().whenComplete((r, e) -> {
            if (e != null) {
                done.completeExceptionally(e);
            } else {
                done.complete(r);
            }
        }), delayMillis, TimeUnit.MILLISECONDS);
        return done;
    }

    @Override
    public CompletableFuture<Appended> append(String stream, String type, byte[] payload) {
        return later(() -> log.append(stream, type, payload));
    }

    @Override
    public CompletableFuture<List<Appended>> appendAll(List<NewEvent> events) {
        return later(() -> log.appendAll(events));
    }
}
