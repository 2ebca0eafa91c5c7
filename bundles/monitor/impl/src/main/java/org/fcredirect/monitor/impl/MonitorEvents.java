package org.fcredirect.monitor.impl;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Supplier;

import org.fcredirect.monitor.api.HealthTransition;
import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what the monitor sees on the {@code monitor} stream, as JSON. Appends are not waited
 * for: the monitor must go on judging health (storage's included) while the log is slow or gone,
 * so an event that could not be stored is logged instead. The monitor's state is not rebuilt from
 * these events; they are the history an operator reads with {@code fcr:events}.
 */
final class MonitorEvents {
    static final String STREAM = "monitor";
    static final String HEALTH_CHANGED = "health-changed";
    static final String OUTAGE_SIMULATED = "appliance-outage-simulated";
    static final String OUTAGE_ENDED = "appliance-outage-ended";
    private static final Logger LOG = LoggerFactory.getLogger(MonitorEvents.class);

    private final Supplier<EventLog> log;

    MonitorEvents(Supplier<EventLog> log) {
        this.log = log;
    }

    void transition(HealthTransition t) {
        append(HEALTH_CHANGED, new JsonText().field("kind", t.kind().toString()).field("target", t.target())
                .field("from", t.from().toString()).field("to", t.to().toString()).field("reason", t.reason())
                .field("at", t.at().toString()).toString());
    }

    void outage(String appliance, boolean simulated, Instant at) {
        append(simulated ? OUTAGE_SIMULATED : OUTAGE_ENDED,
                new JsonText().field("appliance", appliance).field("at", at.toString()).toString());
    }

    private void append(String type, String json) {
        EventLog l = log.get();
        if (l == null) {
            LOG.warn("Monitor event not stored (no event log registered): {} {}", type, json);
            return;
        }
        try {
            l.append(STREAM, type, json.getBytes(StandardCharsets.UTF_8)).whenComplete((stored, error) -> {
                if (error != null) {
                    LOG.warn("Monitor event not stored ({}): {} {}", error.getMessage(), type, json);
                }
            });
        } catch (StorageException e) {
            LOG.warn("Monitor event not stored ({}): {} {}", e.getMessage(), type, json);
        }
    }
}
