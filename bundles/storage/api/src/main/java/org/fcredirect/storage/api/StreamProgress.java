package org.fcredirect.storage.api;

/**
 * How far a service that rebuilds its state from a stream has applied it. Registered by each
 * event-sourced service (flow, policy, config) so the fabric can tell how far behind the log this
 * node is; the service property {@value #STREAM} names the stream.
 */
public interface StreamProgress {
    String STREAM = "fcr.stream";

    /** The stream this service applies. */
    String stream();

    /** The sequence of the last event of the stream this node has applied; 0 before any. */
    long appliedSequence();
}
