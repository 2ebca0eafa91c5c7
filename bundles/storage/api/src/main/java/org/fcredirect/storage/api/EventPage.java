package org.fcredirect.storage.api;

import java.util.List;

/**
 * One bounded read: the events found, in sequence order, and where to continue.
 *
 * @param events at most the number asked for
 * @param nextSequence the sequence number to pass to the next read; it can be past the last event
 *        returned, when the read scanned events of other streams
 * @param endOfLog {@code true} when the read reached the last stored event
 */
public record EventPage(List<StoredEvent> events, long nextSequence, boolean endOfLog) {
    public EventPage {
        events = List.copyOf(events);
    }
}
