package org.fcredirect.monitor.impl;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Supplier;

import org.fcredirect.json.JsonWriter;
import org.fcredirect.json.Spacing;
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
        StringBuilder json = new StringBuilder();
        new JsonWriter(json, Spacing.COMPACT).beginObject().name("kind").value(t.kind()).name("target").value(t.target())
                .name("from").value(t.from()).name("to").value(t.to()).name("reason").value(t.reason())
                .name("at").value(t.at()).endObject();
        append(HEALTH_CHANGED, json.toString());
    }

    void outage(String appliance, boolean simulated, Instant at) {
        StringBuilder json = new StringBuilder();
        new JsonWriter(json, Spacing.COMPACT).beginObject().name("appliance").value(appliance).name("at").value(at)
                .endObject();
        append(simulated ? OUTAGE_SIMULATED : OUTAGE_ENDED, json.toString());
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
