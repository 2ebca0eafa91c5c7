package org.fcredirect.storage.api;

/** Receives the events of a {@link EventLog#replay replay}, one at a time, in sequence order. */
@FunctionalInterface
public interface ReplayHandler {
    /** @return {@code true} to go on, {@code false} to stop the replay after this event */
    boolean onEvent(StoredEvent event);
}
