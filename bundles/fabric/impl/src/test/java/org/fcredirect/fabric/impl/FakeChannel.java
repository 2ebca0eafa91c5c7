package org.fcredirect.fabric.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fcredirect.fabric.api.HeartbeatChannel;
import org.fcredirect.fabric.api.HeartbeatReceiver;

/** A channel that delivers what is sent at once, on the sender's thread, to every listener. */
final class FakeChannel implements HeartbeatChannel {
    final List<byte[]> sent = new ArrayList<>();
    private final List<HeartbeatReceiver> receivers = new ArrayList<>();

    @Override
    public String describe() {
        return "fake channel";
    }

    @Override
    public Optional<String> fault() {
        return Optional.empty();
    }

    @Override
    public synchronized void send(String nodeId, byte[] heartbeat) {
        sent.add(heartbeat);
        receivers.forEach(r -> r.received(nodeId, heartbeat));
    }

    @Override
    public synchronized AutoCloseable listen(HeartbeatReceiver receiver) {
        receivers.add(receiver);
        return () -> {
            synchronized (this) {
                receivers.remove(receiver);
            }
        };
    }

    synchronized int listeners() {
        return receivers.size();
    }
}
