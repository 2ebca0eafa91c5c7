package org.fcredirect.monitor.impl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.fcredirect.monitor.api.HealthCheck;
import org.fcredirect.monitor.api.HealthResult;
import org.fcredirect.storage.api.Appended;
import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.StorageStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Can the event log append? Healthy while it is open, its last write did not fail, and it stores
 * events; when it has stored nothing for the probe period, the check appends a small probe event
 * on the {@code monitor} stream and waits for it (the monitor's timeout bounds the wait). Belongs
 * in the storage bundle in time, where it can also see the writer thread.
 */
@Component(service = HealthCheck.class, configurationPid = MonitorManager.PID,
        property = {HealthCheck.NAME + "=storage", HealthCheck.SERVICE + "=org.fcredirect.storage.api.EventLog"})
public class StorageHealthCheck implements HealthCheck {
    static final String PROBE = "probe";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventLog log;

    private final Clock clock;
    private volatile Duration probeEvery;
    private long lastSequence = -1;
    private Instant lastProgress;

    @Activate
    public StorageHealthCheck(MonitorConfig config) {
        this(Clock.systemUTC(), Duration.ofSeconds(Math.max(0, config.storageProbeSeconds())));
    }

    /** @param probeEvery how long the log may store nothing before a probe is appended; zero: never */
    StorageHealthCheck(Clock clock, Duration probeEvery) {
        this.clock = clock;
        this.probeEvery = probeEvery;
        this.lastProgress = clock.instant();
    }

    @Modified
    void modified(MonitorConfig config) {
        probeEvery = Duration.ofSeconds(Math.max(0, config.storageProbeSeconds()));
    }

    @Override
    public synchronized HealthResult check() throws Exception {
        EventLog l = log;
        if (l == null) {
            return HealthResult.unhealthy("no event log registered: the storage service is stopped or missing");
        }
        StorageStatus s = l.status();
        Map<String, String> details = details(s);
        if (!s.open()) {
            return HealthResult.unhealthy("the event log is closed", details);
        }
        if (s.faulted()) {
            return HealthResult.unhealthy("appends are failing: " + s.lastError().orElse("unknown error"), details);
        }
        Instant now = clock.instant();
        if (s.lastSequence() != lastSequence) {
            lastSequence = s.lastSequence();
            lastProgress = now;
            return HealthResult.healthy("storing events, last sequence " + lastSequence, details);
        }
        if (probeEvery.isZero() || Duration.between(lastProgress, now).compareTo(probeEvery) < 0) {
            return HealthResult.healthy("open, idle at sequence " + lastSequence, details);
        }
        Appended probe = l.append(MonitorEvents.STREAM, PROBE, new byte[0]).get();
        lastSequence = probe.sequence();
        lastProgress = now;
        return HealthResult.healthy("idle; a probe event was appended at sequence " + probe.sequence(), details);
    }

    private static Map<String, String> details(StorageStatus s) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("backend", s.backend());
        d.put("durability", s.durability().name().toLowerCase(Locale.ROOT));
        d.put("lastSequence", Long.toString(s.lastSequence()));
        d.put("failedAppends", Long.toString(s.failedAppends()));
        if (!s.warnings().isEmpty()) {
            d.put("warnings", String.join("; ", s.warnings()));
        }
        return d;
    }
}
