package org.fcredirect.jmx;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServer;
import org.fcredirect.fastpath.api.FastPath;
import org.fcredirect.fastpath.api.FastPathStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

@Component(service = {})
public class FastPathMBeanImpl implements FastPathMBean {

    @Reference
    FastPath fastPath;

    @Reference
    MBeanServer server;

    private MBeanRegistration registration;

    @Activate
    void activate() throws JMException {
        registration = MBeanRegistration.register(server, "FastPath", FastPathMBean.class, this);
    }

    @Deactivate
    void deactivate() throws JMException {
        registration.close();
    }

    private FastPathStatus status() {
        return fastPath.status();
    }

    @Override
    public boolean isHealthy() {
        return status().healthy();
    }

    @Override
    public int getWorkers() {
        return status().workers().size();
    }

    @Override
    public String getSettings() {
        return status().settings().toString();
    }

    @Override
    public long getFramesReceived() {
        return status().framesReceived();
    }

    @Override
    public long getFramesProcessed() {
        return status().framesProcessed();
    }

    @Override
    public long getFramesForwarded() {
        return status().framesForwarded();
    }

    @Override
    public long getFramesDropped() {
        return status().framesDropped();
    }

    @Override
    public long getFramesPerSecond() {
        return status().framesPerSecond();
    }

    @Override
    public Map<String, Long> getDrops() {
        Map<String, Long> out = new LinkedHashMap<>();
        status().drops().forEach((r, n) -> out.put(r.toString(), n));
        return out;
    }

    @Override
    public long getRuleGeneration() {
        return status().ruleGeneration();
    }

    @Override
    public long getGenerationGaps() {
        return status().generationGaps();
    }

    @Override
    public long getStatsPendingFrames() {
        return status().stats().pendingFrames();
    }

    @Override
    public long getStatsExchangeRecordsDropped() {
        return status().stats().exchangeRecordsDropped();
    }

    @Override
    public long getPuntedFrames() {
        return status().punts().punted();
    }

    @Override
    public long getPuntDrops() {
        return status().punts().dropped();
    }

    @Override
    public long getPuntQueued() {
        return status().punts().queued();
    }

    @Override
    public String[] getWorkerSummaries() {
        return status().workers().stream()
                .map(w -> String.format("worker %d: %s, %d frames, %d frames/s, ring %d, control %d", w.index(),
                        !w.alive() ? "DEAD" : w.advancing() ? "alive" : "STALLED", w.framesProcessed(), w.framesPerSecond(),
                        w.ringDepth(), w.controlQueueDepth()))
                .toArray(String[]::new);
    }
}
