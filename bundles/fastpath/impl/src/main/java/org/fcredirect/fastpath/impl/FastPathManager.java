package org.fcredirect.fastpath.impl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.fcredirect.fastpath.api.DropReason;
import org.fcredirect.fastpath.api.FastPath;
import org.fcredirect.fastpath.api.FastPathSettings;
import org.fcredirect.fastpath.api.FastPathStatus;
import org.fcredirect.fastpath.api.FrameSources;
import org.fcredirect.fastpath.api.PuntBacklog;
import org.fcredirect.fastpath.api.PuntConsumer;
import org.fcredirect.fastpath.api.PuntSource;
import org.fcredirect.fastpath.api.RuleBatch;
import org.fcredirect.fastpath.api.RuleSink;
import org.fcredirect.fastpath.api.StatsBacklog;
import org.fcredirect.fastpath.api.StatsConsumer;
import org.fcredirect.fastpath.api.StatsSource;
import org.fcredirect.fastpath.api.WorkerStatus;
import org.fcredirect.monitor.api.HealthCheck;
import org.fcredirect.monitor.api.HealthResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fast path: its pipeline of workers, the rule input ({@link RuleSink}), the frame-source
 * ports ({@link FrameSources}), the statistics output ({@link StatsSource}), the punt path of
 * fabric logins ({@link PuntSource}) and its status ({@link FastPath}), configured from PID
 * {@code org.fcredirect.fastpath}. The queues and counters live here, so the stats service may come and go without losing a frame's count, and traffic
 * sources live in their own bundle, so updating one never restarts this one.
 *
 * <p>Rule batches, rebuilds and port attachment are ordered by one control lock; none of it is
 * on the frame path, which only the workers and the sources' own threads run. The manager is also
 * the {@code fastpath} health check (is every worker alive and advancing).
 */
@Component(service = {RuleSink.class, StatsSource.class, PuntSource.class, FastPath.class, FrameSources.class,
        HealthCheck.class},
        configurationPid = FastPathManager.PID, immediate = true, property = {"fcr.mbean=org.fcredirect:type=FastPath",
                HealthCheck.NAME + "=fastpath",
                HealthCheck.SERVICE + "=org.fcredirect.fastpath.api.FastPath",
                HealthCheck.SERVICE + "=org.fcredirect.fastpath.api.RuleSink",
                HealthCheck.SERVICE + "=org.fcredirect.fastpath.api.FrameSources",
                HealthCheck.SERVICE + "=org.fcredirect.fastpath.api.StatsSource",
                HealthCheck.SERVICE + "=org.fcredirect.fastpath.api.PuntSource"})
@Designate(ocd = FastPathConfig.class)
public class FastPathManager implements RuleSink, StatsSource, PuntSource, FastPath, FrameSources, HealthCheck {
    static final String PID = "org.fcredirect.fastpath";
    private static final Logger LOG = LoggerFactory.getLogger(FastPathManager.class);
    static final long STOP_MILLIS = 5_000;

    private final Object control = new Object();
    private final RuleFanout fanout = new RuleFanout();
    private final AtomicInteger activeSources = new AtomicInteger();
    private final AtomicLong sourceFailures = new AtomicLong();
    private final WorkerHealth workerHealth = new WorkerHealth(System::nanoTime);
    private volatile String lastSourceFailure;
    private volatile Pipeline pipeline;
    private volatile FastPathSettings settings;
    private volatile FastPathSettings pending;
    private volatile Totals retiredTotals = Totals.ZERO;
    /** Why the pipeline waits for a stuck worker before it may be rebuilt; null when none is stuck. */
    private volatile String stuck;
    /** How long a rebuild waits for the old workers; tests shorten it. */
    long stopMillis = STOP_MILLIS;
    private volatile boolean deactivated;
    private StatsDrainer drainer;
    private PuntDrainer puntDrainer;
    private WorkerSampler monitor;

    public FastPathManager() {
    }

    /** For tests: a running fast path without a container. */
    FastPathManager(FastPathSettings settings) {
        start(settings);
    }

    @Activate
    void activate(FastPathConfig config, Map<String, Object> properties) {
        FastPathSettings s;
        try {
            s = Settings.from(config, properties);
        } catch (InvalidSettingException e) {
            LOG.error("Fast path not started: configuration {} rejected: {}", PID, e.getMessage());
            throw e;
        }
        start(s);
    }

    private void start(FastPathSettings s) {
        synchronized (control) {
            settings = s;
            Pipeline p = new Pipeline(s);
            pipeline = p;
            drainer = new StatsDrainer(() -> pipeline.channels());
            puntDrainer = new PuntDrainer(() -> pipeline.punts());
            p.start();
            monitor = new WorkerSampler(() -> pipeline);
        }
        LOG.info("Fast path started: {}", s);
    }

    @Modified
    void modified(FastPathConfig config, Map<String, Object> properties) {
        FastPathSettings next;
        try {
            next = Settings.from(config, properties);
        } catch (InvalidSettingException e) {
            LOG.error("Fast path configuration change rejected, keeping {}: {}", settings, e.getMessage());
            return;
        }
        reconfigure(next);
    }

    /**
     * The default decision and the stats interval apply at once. The rest need a new pipeline: built
     * now when no frame source runs, else when the last one ends.
     */
    void reconfigure(FastPathSettings next) {
        synchronized (control) {
            Pipeline p = pipeline;
            FastPathSettings before = settings;
            p.defaultDecision(next.defaultDecision());
            p.statsInterval(next.statsIntervalMillis());
            if (!Settings.structural(p.settings, next)) {
                settings = next;
                pending = null;
                if (!next.equals(before)) {
                    LOG.info("Fast path settings applied: {}", next);
                }
                return;
            }
            FastPathSettings s = p.settings;
            if (stuck != null) {
                pending = next;
                LOG.info("Fast path settings {} wait for the rebuild that waits for a stuck worker", next);
                return;
            }
            settings = new FastPathSettings(s.workers(), s.ringSize(), s.controlQueueSize(), s.statsQueueSize(),
                    next.statsIntervalMillis(), next.defaultDecision(), s.exchangeTableSize());
            if (p.sources() > 0) {
                pending = next;
                LOG.info("Fast path settings {} wait for the running frame source(s) to end; the default decision and"
                        + " stats interval apply now", next);
                return;
            }
            rebuild(next);
        }
    }

    /**
     * Replaces the pipeline, carrying rules and uncollected counters over. Under the control lock.
     * A worker that does not stop in time may still touch the rules and counters the rebuild would
     * carry over, so the old pipeline stays (stopped) and the rebuild is retried until it ends.
     */
    private void rebuild(FastPathSettings next) {
        Pipeline old = pipeline;
        try {
            old.stop(stopMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Integer> running = old.running();
        if (!running.isEmpty()) {
            pending = next;
            if (stuck == null) {
                stuck = "fast path worker(s) " + running + " did not stop within " + stopMillis
                        + " ms; the fast path is stopped and its rebuild with " + next + " waits for them";
                LOG.error("{}", stuck);
            }
            CompletableFuture.delayedExecutor(stopMillis, TimeUnit.MILLISECONDS).execute(this::retryRebuild);
            return;
        }
        if (stuck != null) {
            LOG.info("The stuck fast path worker(s) ended; rebuilding");
            stuck = null;
        }
        Pipeline p = Pipeline.rebuild(old, next);
        p.assumeApplied(fanout.sequence(), fanout.generation());
        retiredTotals = retiredTotals.plus(old);
        pipeline = p;
        drainer.retire(old.channels());
        puntDrainer.retire(old.punts());
        settings = next;
        pending = null;
        p.start();
        long rules = 0;
        for (Worker w : p.workers) {
            rules += w.processor.rules.rules();
        }
        LOG.info("Fast path rebuilt with {}: {} rules and the uncollected counters carried over", next, rules);
    }

    private void retryRebuild() {
        synchronized (control) {
            if (!deactivated && stuck != null && pending != null) {
                rebuild(pending);
            }
        }
    }

    @Deactivate
    void deactivate() {
        synchronized (control) {
            deactivated = true;
            try {
                if (!pipeline.stop(STOP_MILLIS)) {
                    LOG.error("A fast path worker did not stop within {} ms", STOP_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            monitor.close();
        }
        StatsBacklog b = backlog();
        LOG.info("Fast path stopped after {} frames; the counters of {} frames were never drained by a stats service",
                status().framesProcessed(), b.pendingFrames());
    }

    private Pipeline running() {
        Pipeline p = pipeline;
        String why = stuck;
        if (why != null) {
            throw new IllegalStateException(why);
        }
        if (p == null || p.stopped()) {
            throw new IllegalStateException("the fast path is not running");
        }
        return p;
    }

    /** The {@code fastpath} check: answers from published counters, never waits for a worker or the control lock. */
    @Override
    public HealthResult check() {
        Pipeline p = pipeline;
        if (p == null) {
            return HealthResult.unhealthy("the fast path has not started");
        }
        String why = stuck;
        if (why != null) {
            return HealthResult.unhealthy(why);
        }
        return workerHealth.check(p, p.stopped(), Arrays.asList(p.workers));
    }

    /** The current pipeline, for tests. */
    Pipeline pipeline() {
        return pipeline;
    }

    // control input

    @Override
    public void apply(RuleBatch batch) {
        Objects.requireNonNull(batch, "batch");
        synchronized (control) {
            Pipeline p = running();
            RuleFanout.Verdict v = fanout.check(batch);
            long before = fanout.generation();
            switch (v) {
                case REPEAT -> {
                    fanout.refuse();
                    LOG.warn("Rule batch of generation {} refused: generation {} is applied already (a repeated or"
                            + " reordered batch)", batch.generation(), before);
                    return;
                }
                case GAP -> {
                    if (before < 0) {
                        LOG.warn("Rule batch of generation {} arrived before any full rule table: rules published"
                                + " earlier are missing; applied anyway", batch.generation());
                    } else {
                        LOG.warn("Rule batch of generation {} follows generation {}: batches were lost on the way;"
                                + " applied anyway, the publisher should resend its full table", batch.generation(), before);
                    }
                }
                case RESET -> LOG.info("Full rule table from the publisher, generation {}", batch.generation());
                default -> {
                }
            }
            p.control(fanout.accept(batch, v, p.workers.length));
        }
    }

    // frame sources

    @Override
    public Dispatcher open(String source) {
        Objects.requireNonNull(source, "source");
        synchronized (control) {
            Pipeline p = running();
            Dispatcher d = new Dispatcher(p, source, p.settings.ringSize(), this::closed);
            activeSources.incrementAndGet();
            LOG.info("Frame source {} attached", source);
            return d;
        }
    }

    /** A port was closed: a rebuild waiting for the last source runs now. */
    private void closed() {
        activeSources.decrementAndGet();
        synchronized (control) {
            Pipeline p = pipeline;
            if (pending != null && !p.stopped() && p.sources() == 0) {
                rebuild(pending);
            }
        }
    }

    @Override
    public void failed(String source, String why) {
        sourceFailures.incrementAndGet();
        lastSourceFailure = source + ": " + why;
    }

    @Override
    public boolean awaitRules(long timeoutMillis) throws InterruptedException {
        long sequence = fanout.sequence();
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (!pipeline.applied(sequence)) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(100_000);
        }
        return true;
    }

    // statistics output

    @Override
    public int drain(StatsConsumer consumer, int maxRecords) {
        Objects.requireNonNull(consumer, "consumer");
        return drainer.drain(consumer, maxRecords);
    }

    @Override
    public StatsBacklog backlog() {
        Pipeline p = pipeline;
        Totals base = retiredTotals;
        long processed = base.processed;
        long pendingDeltas = 0;
        long exchangesDropped = base.exchangesDropped;
        for (Worker w : p.workers) {
            processed += w.metric(Worker.PROCESSED);
            pendingDeltas += w.metric(Worker.PENDING_DELTAS);
            exchangesDropped += w.processor.stats.exchangesDropped();
        }
        long drained = drainer.framesDrained();
        return new StatsBacklog(Math.max(0, processed - drained), pendingDeltas, drainer.queuedBatches(),
                exchangesDropped, drained, drainer.deltasDrained(), drainer.exchangesDrained(),
                drainer.consumerFailures(), drainer.lastDrain());
    }

    // punt path

    @Override
    public int drainPunted(PuntConsumer consumer, int maxFrames) {
        Objects.requireNonNull(consumer, "consumer");
        return puntDrainer.drain(consumer, maxFrames);
    }

    @Override
    public PuntBacklog puntBacklog() {
        return puntDrainer.backlog();
    }

    // operation

    @Override
    public FastPathStatus status() {
        Pipeline p = pipeline;
        Totals base = retiredTotals;
        long received = base.received;
        long processed = base.processed;
        long forwarded = base.forwarded;
        long[] drops = base.drops.clone();
        List<WorkerStatus> workers = new ArrayList<>(p.workers.length);
        for (Worker w : p.workers) {
            long[] d = w.drops();
            for (int r = 0; r < d.length; r++) {
                drops[r] += d[r];
            }
            received += w.metric(Worker.RECEIVED);
            processed += w.metric(Worker.PROCESSED);
            forwarded += w.metric(Worker.FORWARDED);
            Throwable fault = w.processor.lastFault;
            StatsChannel ch = w.processor.stats;
            workers.add(new WorkerStatus(w.index, w.threadName(), w.nativeThreadId(), w.alive(),
                    monitor.advancing(w.index), w.metric(Worker.RECEIVED), w.metric(Worker.PROCESSED),
                    w.metric(Worker.FORWARDED), monitor.framesPerSecond(w.index), byReason(d), w.ringDepth(),
                    w.control.size(), w.metric(Worker.APPLIED_GENERATION), w.metric(Worker.RULES),
                    w.metric(Worker.CONFLICTS), w.metric(Worker.OPEN_EXCHANGES), w.metric(Worker.EVICTED_EXCHANGES),
                    w.metric(Worker.UNMATCHED_EXCHANGES), w.metric(Worker.PENDING_DELTAS), ch.deferrals(),
                    ch.exchangesDropped(), w.metric(Worker.FAULTS), Optional.ofNullable(fault).map(String::valueOf)));
        }
        return new FastPathStatus(Instant.now(), settings, Optional.ofNullable(pending), workers, received, processed,
                forwarded, monitor.framesPerSecond(), monitor.history(), byReason(drops), fanout.batches(),
                fanout.generation(), fanout.gaps(), fanout.repeats(), activeSources.get(), sourceFailures.get(),
                Optional.ofNullable(lastSourceFailure), backlog(), puntDrainer.backlog());
    }

    private static Map<DropReason, Long> byReason(long[] counts) {
        Map<DropReason, Long> m = new EnumMap<>(DropReason.class);
        for (DropReason r : DropReason.values()) {
            m.put(r, counts[r.ordinal()]);
        }
        return m;
    }

    /** Figures of pipelines replaced by rebuilds, so totals never go back. */
    private record Totals(long received, long processed, long forwarded, long[] drops, long exchangesDropped) {
        static final Totals ZERO = new Totals(0, 0, 0, new long[DropReason.values().length], 0);

        Totals plus(Pipeline old) {
            long r = received;
            long p = processed;
            long f = forwarded;
            long x = exchangesDropped;
            long[] d = drops.clone();
            for (Worker w : old.workers) {
                r += w.metric(Worker.RECEIVED);
                p += w.metric(Worker.PROCESSED);
                f += w.metric(Worker.FORWARDED);
                x += w.processor.stats.exchangesDropped();
                long[] wd = w.drops();
                for (int i = 0; i < d.length; i++) {
                    d[i] += wd[i];
                }
            }
            return new Totals(r, p, f, d, x);
        }
    }
}
