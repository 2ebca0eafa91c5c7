package org.fcredirect.fabric.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Hears the heartbeats of a {@link HeartbeatChannel}. */
@ConsumerType
@FunctionalInterface
public interface HeartbeatReceiver {

    /**
     * @param nodeId the key the heartbeat was sent under
     * @param heartbeat its bytes as sent: they may be anything, so decode with
     *        {@link Heartbeat#fromBytes} and expect {@link MalformedHeartbeatException}
     */
    void received(String nodeId, byte[] heartbeat);
}
