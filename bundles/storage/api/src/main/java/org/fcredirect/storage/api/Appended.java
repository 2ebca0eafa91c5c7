package org.fcredirect.storage.api;

import java.time.Instant;

/**
 * What an append was given: its global sequence number and the time it was stored.
 *
 * @param sequence global, increasing, starting at 1; not necessarily one past the previous event's
 *        (see {@link EventLog})
 * @param timestamp never earlier than the timestamp of a lower sequence number
 */
public record Appended(long sequence, Instant timestamp) {
}
