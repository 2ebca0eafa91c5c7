package org.fcredirect.storage.api;

/**
 * What a {@link EventLog#compact()} removed.
 *
 * @param eventsRemoved events dropped because their stream's newest snapshot covers them
 * @param bytesReclaimed storage given back
 * @param firstSequence the lowest sequence number still stored (or the next to be assigned, when
 *        none is)
 */
public record CompactionResult(long eventsRemoved, long bytesReclaimed, long firstSequence) {
}
