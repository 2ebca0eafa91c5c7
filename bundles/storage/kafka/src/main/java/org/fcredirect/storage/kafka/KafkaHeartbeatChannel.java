package org.fcredirect.storage.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fcredirect.fabric.api.HeartbeatChannel;
import org.fcredirect.fabric.api.HeartbeatReceiver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fabric's heartbeats on Kafka, with the event log's settings (PID
 * {@code org.fcredirect.storage.kafka}): the topic {@code <topic>.fabric} beside the history (see
 * {@link FabricTopic}); its metatype is the storage's. Activation never waits for Kafka. A changed configuration moves the
 * listeners to a link with the new settings; deactivation stops the link's thread and clients.
 */
@Component(service = HeartbeatChannel.class, configurationPid = KafkaStorageManager.PID, immediate = true)
public class KafkaHeartbeatChannel implements HeartbeatChannel {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaHeartbeatChannel.class);

    /** What each listener was given, so it can be moved to a new link. */
    private record Listener(HeartbeatReceiver receiver, AutoCloseable[] current) {
    }

    private final List<Listener> listeners = new ArrayList<>();
    private volatile HeartbeatLink link;

    @Activate
    void activate(KafkaStorageConfig config) {
        link = open(KafkaSettings.from(config));
    }

    @Modified
    void modified(KafkaStorageConfig config) {
        KafkaSettings settings;
        try {
            settings = KafkaSettings.from(config);
        } catch (KafkaSettingException e) {
            return;
        }
        HeartbeatLink old = link;
        if (settings.equals(old.settings())) {
            return;
        }
        HeartbeatLink next = open(settings);
        synchronized (listeners) {
            link = next;
            for (Listener l : listeners) {
                closeQuietly(l.current()[0]);
                l.current()[0] = next.listen(l.receiver());
            }
        }
        old.close();
    }

    @Deactivate
    void deactivate() {
        link.close();
    }

    private static HeartbeatLink open(KafkaSettings settings) {
        HeartbeatLink l = new HeartbeatLink(settings);
        l.start();
        return l;
    }

    @Override
    public String describe() {
        KafkaSettings s = link.settings();
        return "Kafka topic " + s.fabricTopic() + " at " + String.join(",", s.bootstrapServers()) + " as " + s.nodeId();
    }

    @Override
    public Optional<String> fault() {
        return link.fault();
    }

    @Override
    public void send(String nodeId, byte[] heartbeat) {
        link.send(nodeId, heartbeat);
    }

    @Override
    public AutoCloseable listen(HeartbeatReceiver receiver) {
        Listener l;
        synchronized (listeners) {
            l = new Listener(receiver, new AutoCloseable[] {link.listen(receiver)});
            listeners.add(l);
        }
        return () -> {
            synchronized (listeners) {
                listeners.remove(l);
                closeQuietly(l.current()[0]);
            }
        };
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("closing a heartbeat listener: {}", e.toString());
        }
    }
}
