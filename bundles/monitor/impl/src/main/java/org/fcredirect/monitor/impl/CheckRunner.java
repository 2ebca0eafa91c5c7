package org.fcredirect.monitor.impl;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.fcredirect.monitor.api.CheckTiming;
import org.fcredirect.monitor.api.HealthCheck;
import org.fcredirect.monitor.api.HealthResult;
import org.fcredirect.monitor.api.HealthTransition;
import org.fcredirect.monitor.api.TargetHealth;
import org.fcredirect.monitor.api.TargetKind;

/**
 * Runs one health check every interval (fixed rate, from the scheduler) and keeps its health.
 * At most one run is in flight: when the previous run is still hanging at the next tick, that
 * tick is a failure and nothing new is started, so a check that never returns holds one worker
 * thread, not one per interval.
 */
final class CheckRunner {
    private final HealthCheck check;
    private final CheckSpec spec;
    private final Optional<String> provider;
    private final MonitorThreads threads;
    private final Consumer<HealthTransition> transitions;
    private final AtomicReference<CheckRun> inFlight = new AtomicReference<>();
    private final HealthRecord health;
    private CheckTiming timing;
    private Scheduler.Cancellable nextTick = () -> { };
    private boolean stopped;

    CheckRunner(HealthCheck check, CheckSpec spec, Optional<String> provider, CheckTiming timing,
            MonitorThreads threads, Consumer<HealthTransition> transitions) {
        this.check = check;
        this.spec = spec;
        this.provider = provider;
        this.timing = timing;
        this.threads = threads;
        this.transitions = transitions;
        this.health = new HealthRecord(TargetKind.CHECK, spec.name(), threads.clock().instant(), "not run yet");
    }

    String name() {
        return spec.name();
    }

    CheckSpec spec() {
        return spec;
    }

    /** Runs the check at once, then every interval. */
    synchronized void start() {
        nextTick = threads.scheduler().after(Duration.ZERO, this::tick);
    }

    /** Applies a new timing from the next run on; the failure count stays. */
    synchronized void retime(CheckTiming next) {
        if (stopped || next.equals(timing)) {
            return;
        }
        timing = next;
        nextTick.cancel();
        nextTick = threads.scheduler().after(next.interval(), this::tick);
    }

    /** No more runs; a run in flight is interrupted and its result ignored. */
    void stop() {
        synchronized (this) {
            stopped = true;
            nextTick.cancel();
        }
        CheckRun run = inFlight.get();
        if (run != null) {
            run.abandon();
        }
    }

    synchronized TargetHealth view() {
        return health.view(timing, provider, false);
    }

    private void tick() {
        CheckTiming t;
        synchronized (this) {
            if (stopped) {
                return;
            }
            t = timing;
            nextTick = threads.scheduler().after(t.interval(), this::tick);
        }
        CheckRun previous = inFlight.get();
        if (previous != null) {
            long ms = Duration.between(previous.submitted(), threads.clock().instant()).toMillis();
            record(HealthResult.unhealthy("still running: the run started " + ms + " ms ago has not returned"));
            return;
        }
        CheckRun run = new CheckRun(this, check, threads.checkWorkers(), t.timeout(), threads.clock().instant());
        inFlight.set(run);
        run.submit(threads.scheduler());
    }

    /** The run has left its worker (or never reached one): the check may run again. */
    void finished(CheckRun run) {
        inFlight.compareAndSet(run, null);
    }

    /** Counts a run's outcome towards the threshold. */
    synchronized void record(HealthResult result) {
        if (stopped) {
            return;
        }
        Instant now = threads.clock().instant();
        if (result.healthy()) {
            health.success(result.message(), result.details(), now, transitions);
        } else {
            health.failure(result.message(), result.details(), now, timing.threshold(), transitions);
        }
    }
}
