package org.fcredirect.fastpath.impl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.fcredirect.fastpath.api.FastPath;
import org.fcredirect.fastpath.api.FastPathStatus;
import org.fcredirect.fastpath.api.StatsBacklog;
import org.fcredirect.fastpath.api.WorkerStatus;
import org.fcredirect.monitor.api.HealthCheck;
import org.fcredirect.monitor.api.HealthResult;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Health check {@code stats-consumer}: is someone draining the stats queues this fast path owns?
 * It lives here, not in the stats bundle, because it must outlive the consumer: stop the stats
 * bundle and its own {@code stats} check goes with it, while the workers go on forwarding and
 * their counters pile up in these queues.
 *
 * <p>Unhealthy when batches have waited in the queues with no record drained for longer than
 * {@link #stallBound} (3 stats intervals, at least {@link #MIN_STALL}), or when since the last run
 * the queues were full: exchange records dropped (lost) or workers deferring their deltas (kept,
 * but the bound is hit). Healthy while nothing waits, even with no consumer at all: nothing is
 * lost or late then, an absent stats service already shows as a missing {@code stats} check, and
 * the first batch shipped with no one to take it starts the clock. It speaks for the statistics
 * service, not for the fast path, whose forwarding a missing consumer does not touch.
 */
@Component(service = HealthCheck.class, property = {HealthCheck.NAME + "=stats-consumer",
        HealthCheck.SERVICE + "=org.fcredirect.stats.api.StatsService"})
public class StatsConsumerHealthCheck implements HealthCheck {
    static final Duration MIN_STALL = Duration.ofSeconds(3);
    static final int STALL_INTERVALS = 3;

    @Reference
    FastPath fastPath;

    private final Clock clock;
    /** When this check first saw the batches that wait now; null while none wait. */
    private Instant waitingSince;
    private long lastDropped;
    private long lastDeferrals;

    public StatsConsumerHealthCheck() {
        this(Clock.systemUTC());
    }

    /** @param clock must agree with the one that stamps {@link StatsBacklog#lastDrain()} (the system clock) */
    StatsConsumerHealthCheck(Clock clock) {
        this.clock = clock;
    }

    static Duration stallBound(long statsIntervalMillis) {
        Duration d = Duration.ofMillis(statsIntervalMillis).multipliedBy(STALL_INTERVALS);
        return d.compareTo(MIN_STALL) < 0 ? MIN_STALL : d;
    }

    @Override
    public synchronized HealthResult check() {
        FastPathStatus s = fastPath.status();
        StatsBacklog b = s.stats();
        Instant now = clock.instant();
        long deferrals = 0;
        for (WorkerStatus w : s.workers()) {
            deferrals += w.statsDeferrals();
        }
        long dropped = b.exchangeRecordsDropped();
        // a rebuilt pipeline's deferral counts start over: never a negative difference
        long newDrops = Math.max(0, dropped - lastDropped);
        long newDeferrals = Math.max(0, deferrals - lastDeferrals);
        lastDropped = dropped;
        lastDeferrals = deferrals;

        boolean waiting = b.queuedBatches() > 0;
        if (!waiting) {
            waitingSince = null;
        } else if (waitingSince == null) {
            waitingSince = now;
        }
        Optional<Instant> lastDrain = b.lastDrain();
        Duration bound = stallBound(s.settings().statsIntervalMillis());

        Map<String, String> details = new LinkedHashMap<>();
        details.put("queuedBatches", Integer.toString(b.queuedBatches()));
        details.put("pendingFlowDeltas", Long.toString(b.pendingFlowDeltas()));
        details.put("pendingFrames", Long.toString(b.pendingFrames()));
        details.put("deferrals", Long.toString(deferrals));
        details.put("exchangeRecordsDropped", Long.toString(dropped));
        details.put("consumerFailures", Long.toString(b.consumerFailures()));
        details.put("lastDrain", lastDrain.map(Instant::toString).orElse("never"));
        details.put("lastDrainAgeMs", lastDrain.map(t -> Long.toString(Duration.between(t, now).toMillis())).orElse("-"));
        details.put("stallBoundMs", Long.toString(bound.toMillis()));

        if (waiting) {
            // from the later of the last drain and the first sight of this backlog: a consumer
            // that simply had nothing to do for an hour gets its full bound for the new batches
            Instant since = lastDrain.filter(t -> t.isAfter(waitingSince)).orElse(waitingSince);
            Duration stalled = Duration.between(since, now);
            if (stalled.compareTo(bound) > 0) {
                return HealthResult.unhealthy("no stats consumer drained for " + stalled.toMillis() + " ms while "
                        + b.queuedBatches() + " batches wait (" + b.pendingFrames() + " frames not counted yet"
                        + (b.consumerFailures() > 0 ? ", " + b.consumerFailures() + " consumer failures" : "")
                        + "); forwarding goes on, counters keep adding up in the workers", details);
            }
        }
        if (newDrops > 0) {
            return HealthResult.unhealthy(newDrops + " exchange records dropped since the last run: the stats queues"
                    + " were full", details);
        }
        if (newDeferrals > 0) {
            return HealthResult.unhealthy("stats queues full: workers held their deltas back " + newDeferrals
                    + " times since the last run (nothing lost yet)", details);
        }
        if (waiting) {
            return HealthResult.healthy(b.queuedBatches() + " batches queued, "
                    + lastDrain.map(t -> "last drain " + Duration.between(t, now).toMillis() + " ms ago")
                            .orElse("nothing drained yet")
                    + "; unhealthy after " + bound.toMillis() + " ms without a drain", details);
        }
        return HealthResult.healthy(lastDrain.isPresent() ? "drained: nothing waits" : "nothing to drain yet", details);
    }
}
