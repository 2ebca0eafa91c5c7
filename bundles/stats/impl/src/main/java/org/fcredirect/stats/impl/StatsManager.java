package org.fcredirect.stats.impl;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.fcredirect.fastpath.api.StatsBacklog;
import org.fcredirect.fastpath.api.StatsSource;
import org.fcredirect.flow.api.FlowService;
import org.fcredirect.stats.api.FlowStats;
import org.fcredirect.stats.api.GroupBy;
import org.fcredirect.stats.api.LatencyHistogram;
import org.fcredirect.stats.api.RangeStats;
import org.fcredirect.stats.api.Resolution;
import org.fcredirect.stats.api.StatsService;
import org.fcredirect.stats.api.StatsStatus;
import org.fcredirect.stats.api.StatsTotals;
import org.fcredirect.stats.api.TimeSeries;
import org.fcredirect.stats.api.TopMetric;
import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.Snapshot;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statistics service: a thread drains the fast path's {@link StatsSource} in batches into a
 * {@link StatsStore}, which is saved as the snapshot of stream {@value #STREAM} periodically and on
 * deactivation and loaded on activation. What the fast path holds while no instance drains is
 * drained by the next one, so a restart or an update loses nothing. Queries and the drain share one
 * lock, taken once per batch.
 */
// Immediate: it must drain whether or not anyone uses the service.
@Component(service = StatsService.class, configurationPid = StatsConfig.PID, immediate = true,
        property = "fcr.mbean=org.fcredirect:type=Stats")
@Designate(ocd = StatsConfig.class)
public class StatsManager implements StatsService {
    static final String STREAM = "stats";
    private static final Logger LOG = LoggerFactory.getLogger(StatsManager.class);
    private static final long BACKLOG_CHECK_MILLIS = 1_000;

    @Reference
    EventLog eventLog;

    Clock clock = Clock.systemUTC();

    private volatile StatsSource source;
    private final FlowServiceLabels labels = new FlowServiceLabels();
    private final ReentrantLock lock = new ReentrantLock();
    private final StatsIngest ingest = new StatsIngest();
    private final DrainProgress progress = new DrainProgress();
    private final AtomicLong snapshotFailures = new AtomicLong();
    private volatile StatsSettings settings;
    private volatile Instant lastSnapshot;
    private StatsStore store;
    private DrainLoop loop;
    private long lastSnapshotMillis;
    private long lastBacklogMillis;
    private boolean drainFailing;

    @Activate
    void activate(StatsConfig config) {
        activate(StatsSettings.from(config));
    }

    void activate(StatsSettings initial) {
        settings = initial;
        store = load(initial);
        lastSnapshotMillis = clock.millis();
        lastBacklogMillis = lastSnapshotMillis - BACKLOG_CHECK_MILLIS;
        loop = new DrainLoop(new DrainLoop.Round() {
            @Override
            public boolean run() {
                return round();
            }

            @Override
            public int maxWaitMillis() {
                return settings.maxWaitMillis();
            }
        });
        loop.start("fcr-stats-drain");
        LOG.info("stats started: {} flows restored, batch {} every {} ms at most, source {}", store.flows.rows(),
                initial.batchSize(), initial.maxWaitMillis(), source == null ? "absent" : "present");
    }

    @Modified
    void modified(StatsConfig config) {
        StatsSettings next;
        try {
            next = StatsSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("stats settings refused, keeping the current ones: {}", e.getMessage());
            return;
        }
        apply(next);
    }

    void apply(StatsSettings next) {
        if (!next.sameShape(settings)) {
            withLock(() -> {
                store = reshape(store, next);
                return null;
            });
            LOG.info("stats structures resized: {} s, {} min retained, {} flows, {} detailed, {} groups",
                    next.secondsRetained(), next.minutesRetained(), next.maxFlows(), next.detailedFlows(),
                    next.maxGroups());
        }
        settings = next;
        loop.wake();
    }

    @Deactivate
    void deactivate() {
        loop.stop();
        saveSnapshot();
        LOG.info("stats stopped: {} flows saved", store.flows.rows());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindSource")
    void bindSource(StatsSource newSource) {
        source = newSource;
        if (loop != null) {
            loop.wake();
        }
    }

    void unbindSource(StatsSource oldSource) {
        if (source == oldSource) {
            source = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindFlowService")
    void bindFlowService(FlowService flowService) {
        labels.bind(flowService);
    }

    void unbindFlowService(FlowService flowService) {
        labels.unbind(flowService);
    }

    @Override
    public Optional<FlowStats> flow(long flowId) {
        return withLock(() -> store.flow(flowId));
    }

    @Override
    public RangeStats total(Instant from, Instant to) {
        return withLock(() -> store.total(from, to, clock.millis()));
    }

    @Override
    public List<RangeStats> aggregate(Instant from, Instant to, GroupBy by) {
        return withLock(() -> store.aggregate(from, to, by, clock.millis()));
    }

    @Override
    public List<FlowStats> top(int n, TopMetric metric) {
        return withLock(() -> store.top(n, metric));
    }

    @Override
    public TimeSeries totalSeries(Resolution resolution, Instant from, Instant to) {
        return withLock(() -> store.totalSeries(resolution, from, to, clock.millis()));
    }

    @Override
    public Optional<TimeSeries> flowSeries(long flowId, Resolution resolution, Instant from, Instant to) {
        return withLock(() -> store.flowSeries(flowId, resolution, from, to, clock.millis()));
    }

    @Override
    public StatsTotals totals() {
        return withLock(() -> new StatsTotals(store.totalCounters(), store.totalLatency.getTotalCount() == 0
                ? Optional.empty() : Optional.of(LatencyHistograms.summary(store.totalLatency))));
    }

    @Override
    public LatencyHistogram latencyHistogram(List<Long> upperBoundsNanos) {
        List<Long> bounds = LatencyHistogram.checkBounds(upperBoundsNanos);
        return withLock(() -> LatencyHistograms.histogram(store.totalLatency, bounds));
    }

    @Override
    public StatsStatus status() {
        StatsSource s = source;
        Optional<StatsBacklog> backlog = Optional.ofNullable(s).map(StatsSource::backlog);
        long now = clock.millis();
        StatsSettings current = settings;
        long[] sizes = withLock(() -> new long[] {store.heapBytes(), store.flows.rows(), store.untrackedDeltas,
                store.detailedFlows()});
        Optional<String> behind = progress.fallingBehind(current.batchSize(), now);
        return new StatsStatus(loop.running() && s != null, progress.recordsDrained(), progress.batches(),
                progress.lastBatchRecords(), backlog.map(StatsBacklog::queuedBatches).orElse(0),
                backlog.map(StatsBacklog::pendingFlowDeltas).orElse(0L),
                backlog.map(StatsBacklog::pendingFrames).orElse(0L),
                backlog.map(StatsBacklog::exchangeRecordsDropped).orElse(0L), behind.isPresent(), behind,
                sizes[0], (int) sizes[1], sizes[2], (int) sizes[3], Optional.ofNullable(lastSnapshot),
                snapshotFailures.get());
    }

    /** One round of the drain thread; returns whether the batch was full (drain again at once). */
    boolean round() {
        int drained = drainOnce();
        housekeeping();
        return drained >= settings.batchSize();
    }

    int drainOnce() {
        StatsSource s = source;
        if (s == null) {
            return 0;
        }
        int batchSize = settings.batchSize();
        long now = clock.millis();
        int drained;
        lock.lock();
        try {
            store.advance(now);
            ingest.begin(store, now);
            drained = s.drain(ingest, batchSize);
        } catch (RuntimeException e) {
            progress.failed(e, now);
            if (!drainFailing) {
                LOG.warn("stats drain failing: {}", e.toString());
                drainFailing = true;
            }
            return 0;
        } finally {
            lock.unlock();
        }
        if (drainFailing) {
            LOG.info("stats drain recovered");
            drainFailing = false;
        }
        progress.drained(drained, batchSize, now);
        return drained;
    }

    private void housekeeping() {
        long now = clock.millis();
        if (labels.hasChanges()) {
            withLock(() -> {
                labels.applyChanges(store);
                return null;
            });
        }
        StatsSource s = source;
        if (s != null && now - lastBacklogMillis >= BACKLOG_CHECK_MILLIS) {
            progress.backlog(s.backlog(), now);
            lastBacklogMillis = now;
        }
        withLock(() -> {
            store.advance(now);
            return null;
        });
        if (now - lastSnapshotMillis >= settings.snapshotIntervalSeconds() * 1000L) {
            lastSnapshotMillis = now;
            saveSnapshot();
        }
    }

    void saveSnapshot() {
        byte[] data = withLock(() -> SnapshotCodec.encode(store));
        try {
            Snapshot saved = eventLog.saveSnapshot(STREAM, eventLog.lastSequence(), data);
            lastSnapshot = saved.savedAt();
        } catch (RuntimeException e) {
            snapshotFailures.incrementAndGet();
            LOG.warn("stats snapshot of {} bytes not saved: {}", data.length, e.toString());
        }
    }

    private StatsStore load(StatsSettings shape) {
        Optional<Snapshot> snapshot;
        try {
            snapshot = eventLog.loadSnapshot(STREAM);
        } catch (RuntimeException e) {
            LOG.warn("stats snapshot not loaded, starting empty: {}", e.toString());
            return new StatsStore(shape, labels);
        }
        if (snapshot.isEmpty()) {
            return new StatsStore(shape, labels);
        }
        try {
            return SnapshotCodec.decode(snapshot.get().data(), shape, labels);
        } catch (IOException e) {
            LOG.warn("stats snapshot of {} unreadable, starting empty: {}", snapshot.get().savedAt(), e.getMessage());
            return new StatsStore(shape, labels);
        }
    }

    private StatsStore reshape(StatsStore current, StatsSettings shape) {
        try {
            return SnapshotCodec.decode(SnapshotCodec.encode(current), shape, labels);
        } catch (IOException e) {
            throw new IllegalStateException("stats snapshot codec cannot read its own output", e);
        }
    }

    private <T> T withLock(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
