package org.fcredirect.fabric.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where the nodes of a fabric exchange heartbeats, provided by the shared event log (kept apart
 * from the history the services replay). Each node's heartbeats are keyed by its id; a listener
 * hears the newest heartbeat each node has left, then every new one, its own included.
 */
@ConsumerType
public interface HeartbeatChannel {

    /** Where the heartbeats travel, e.g. {@code Kafka topic fcr.history.fabric at 127.0.0.1:9092}. */
    String describe();

    /** Why heartbeats cannot be sent or heard right now, if so. */
    Optional<String> fault();

    /**
     * Sends one heartbeat of a node without waiting for it to arrive; a heartbeat that cannot be
     * sent is dropped and {@link #fault()} says why (the next one replaces it anyway).
     */
    void send(String nodeId, byte[] heartbeat);

    /**
     * Starts delivering heartbeats to {@code receiver} on a thread of the channel's, one at a time.
     *
     * @return stops the delivery when closed
     */
    AutoCloseable listen(HeartbeatReceiver receiver);
}
