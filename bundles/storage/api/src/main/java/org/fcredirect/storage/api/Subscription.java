package org.fcredirect.storage.api;

/** A running subscription. Closing it stops delivery; an event being delivered finishes first. */
public interface Subscription extends AutoCloseable {

    /** The sequence number of the next event this subscription will look at. */
    long nextSequence();

    /** {@code true} while the subscriber is fed from the live buffer rather than from stored events. */
    boolean isLive();

    /** {@code true} once closed by its owner or ended by an error. */
    boolean isClosed();

    /** How many times the live buffer overflowed and delivery fell back to reading stored events. */
    long overflows();

    @Override
    void close();
}
