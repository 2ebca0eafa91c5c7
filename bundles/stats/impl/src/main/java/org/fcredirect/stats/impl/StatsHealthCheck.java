package org.fcredirect.stats.impl;

import java.util.LinkedHashMap;
import java.util.Map;

import org.fcredirect.monitor.api.HealthCheck;
import org.fcredirect.monitor.api.HealthResult;
import org.fcredirect.stats.api.StatsService;
import org.fcredirect.stats.api.StatsStatus;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Health check {@code stats}: unhealthy while the drain falls behind, or does not run while the source has a backlog. */
@Component(service = HealthCheck.class, property = {HealthCheck.NAME + "=stats",
        HealthCheck.SERVICE + "=org.fcredirect.stats.api.StatsService"})
public class StatsHealthCheck implements HealthCheck {

    @Reference
    StatsService stats;

    @Override
    public HealthResult check() {
        StatsStatus s = stats.status();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("recordsDrained", Long.toString(s.recordsDrained()));
        details.put("recordsPerBatch", String.format("%.1f", s.recordsPerBatch()));
        details.put("lagBatches", Long.toString(s.lagBatches()));
        details.put("lagFrames", Long.toString(s.lagFrames()));
        details.put("exchangeRecordsDropped", Long.toString(s.exchangeRecordsDropped()));
        boolean backlog = s.lagBatches() > 0 || s.lagFlowDeltas() > 0 || s.lagFrames() > 0;
        if (!s.draining() && backlog) {
            return HealthResult.unhealthy("not draining while the source holds " + s.lagBatches() + " batches",
                    details);
        }
        if (s.fallingBehind()) {
            return HealthResult.unhealthy("falling behind: " + s.fallingBehindReason().orElse(""), details);
        }
        return HealthResult.healthy(s.draining() ? "draining" : "idle: no statistics source", details);
    }
}
