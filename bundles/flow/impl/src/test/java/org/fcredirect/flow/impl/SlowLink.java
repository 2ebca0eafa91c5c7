package org.fcredirect.flow.impl;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.fcredirect.storage.api.Appended;
import org.fcredirect.storage.api.CompactionResult;
import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.EventPage;
import org.fcredirect.storage.api.NewEvent;
import org.fcredirect.storage.api.ReplayHandler;
import org.fcredirect.storage.api.Snapshot;
import org.fcredirect.storage.api.StorageStatus;
import org.fcredirect.storage.api.StreamFilter;
import org.fcredirect.storage.api.Subscriber;
import org.fcredirect.storage.api.Subscription;

/**
 * A node far from the log: it reads every event as soon as it is stored, but its own appends reach
 * the log {@code delayMillis} later, like a node whose link to the log's leader is slow.
 */
final class SlowLink implements EventLog {
    private final EventLog log;
    private final ScheduledExecutorService link;
    private final long delayMillis;

    SlowLink(EventLog log, ScheduledExecutorService link, long delayMillis) {
        this.log = log;
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

    @Override
    public long lastSequence() {
        return log.lastSequence();
    }

    @Override
    public EventPage read(StreamFilter streams, long fromSequence, int maxEvents) {
        return log.read(streams, fromSequence, maxEvents);
    }

    @Override
    public long replay(StreamFilter streams, long fromSequence, ReplayHandler handler) {
        return log.replay(streams, fromSequence, handler);
    }

    @Override
    public Subscription subscribe(StreamFilter streams, long fromSequence, Subscriber subscriber) {
        return log.subscribe(streams, fromSequence, subscriber);
    }

    @Override
    public Snapshot saveSnapshot(String stream, long sequence, byte[] data) {
        return log.saveSnapshot(stream, sequence, data);
    }

    @Override
    public Optional<Snapshot> loadSnapshot(String stream) {
        return log.loadSnapshot(stream);
    }

    @Override
    public CompactionResult compact() {
        return log.compact();
    }

    @Override
    public StorageStatus status() {
        return log.status();
    }
}
