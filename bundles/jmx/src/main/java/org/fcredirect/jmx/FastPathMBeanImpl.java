package org.fcredirect.jmx;

import static org.fcredirect.jmx.RowType.column;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import org.fcredirect.fastpath.api.FastPath;
import org.fcredirect.fastpath.api.FastPathStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

@Component(service = {})
public class FastPathMBeanImpl implements FastPathMBean {
    private static final RowType DROPS = new RowType("Drop", "Dropped frames of one reason",
            column("reason", "Why the frames were dropped", SimpleType.STRING),
            column("frames", "Frames dropped for this reason since the start (frames)", SimpleType.LONG));
    private static final RowType WORKERS = new RowType("Worker", "One fast path worker",
            column("index", "The worker's index (0..workers-1)", SimpleType.INTEGER),
            column("state", "alive, stalled (alive, not advancing) or dead", SimpleType.STRING),
            column("frames", "Frames it processed since the start (frames)", SimpleType.LONG),
            column("framesPerSecond", "Frames it processed in the last whole second (frames/s)", SimpleType.LONG),
            column("ringDepth", "Frames waiting in its input ring (frames)", SimpleType.INTEGER),
            column("controlQueueDepth", "Rule batches waiting in its control queue (batches)", SimpleType.INTEGER),
            column("faults", "Frames whose processing threw and was contained (count)", SimpleType.LONG));

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
    public TabularData getDrops() {
        return DROPS.table(status().drops().entrySet().stream().map(e -> DROPS.row(e.getKey().toString(), e.getValue())));
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
    public TabularData getWorkerStatus() {
        return WORKERS.table(status().workers().stream().map(w -> WORKERS.row(w.index(),
                !w.alive() ? "dead" : w.advancing() ? "alive" : "stalled", w.framesProcessed(), w.framesPerSecond(),
                w.ringDepth(), w.controlQueueDepth(), w.faults())));
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
}
