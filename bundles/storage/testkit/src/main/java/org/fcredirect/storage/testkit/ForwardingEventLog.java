package org.fcredirect.storage.testkit;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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

/** An event log that passes every call to another; a test overrides what it changes (appends, mostly). */
public class ForwardingEventLog implements EventLog {
    protected final EventLog log;

    public ForwardingEventLog(EventLog log) {
        this.log = log;
    }

    @Override
    public CompletableFuture<Appended> append(String stream, String type, byte[] payload) {
        return log.append(stream, type, payload);
    }

    @Override
    public CompletableFuture<List<Appended>> appendAll(List<NewEvent> events) {
        return log.appendAll(events);
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

    @Override
    public String nodeId() {
        return log.nodeId();
    }
}
