package org.fcredirect.traffic.impl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.fcredirect.monitor.api.MonitorService;
import org.fcredirect.monitor.api.TargetHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heartbeats the traffic generator's simulated appliances to the monitor, on the scheduler's
 * thread (never a worker's, never per frame), for as long as they exist: from the generator's
 * set-up until its clean-up removes them, the monitor says the inventory no longer has one, or the
 * traffic bundle stops. A run that keeps its flows ({@code cleanup=false}) keeps its appliances alive
 * too, else every finished run would turn into an outage of all its appliances and fail their
 * flows over.
 *
 * <p>The period is half the monitor's heartbeat interval, read from the monitor every round, so a
 * late round never counts as a missed heartbeat even with a threshold of one. Heartbeats go on
 * during a simulated outage ({@code fcr:appliance-fail}): the monitor ignores them then, and counts
 * the last one again when the outage ends, so the appliance recovers at once. Without a monitor
 * the rounds only look for one again.
 */
final class ApplianceHeartbeats implements TrafficGenerator.Appliances, AutoCloseable {
    /** The monitor's default heartbeat interval: used when it gives none, and as the pace of looking for a monitor. */
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MIN_PERIOD = Duration.ofMillis(5);
    private static final Logger LOG = LoggerFactory.getLogger(ApplianceHeartbeats.class);

    private final Supplier<MonitorService> monitor;
    private final Scheduler scheduler;
    private final AtomicLong sent = new AtomicLong();
    private final Set<String> names = new LinkedHashSet<>();
    private Scheduler.Cancellable next = Scheduler.Cancellable.NONE;
    /** Each declaration starts a new chain of rounds; a round of an older chain does not schedule another. */
    private long chain;
    private boolean scheduled;
    private boolean closed;
    private volatile boolean failing;

    /** @param monitor the monitor now, or null */
    ApplianceHeartbeats(Supplier<MonitorService> monitor, Scheduler scheduler) {
        this.monitor = monitor;
        this.scheduler = scheduler;
    }

    /**
     * Adds appliances to keep alive (those of earlier runs that kept theirs stay); a round goes at
     * once, so they are healthy as soon as the monitor evaluates them.
     */
    @Override
    public synchronized void declared(List<String> appliances) {
        if (closed) {
            return;
        }
        names.addAll(appliances);
        if (!appliances.isEmpty()) {
            LOG.info("Heartbeating {} simulated appliances to the monitor", names.size());
            next.cancel();
            chain++;
            schedule(Duration.ZERO);
        }
    }

    @Override
    public synchronized void removed(List<String> appliances) {
        names.removeAll(appliances);
    }

    synchronized List<String> appliances() {
        return new ArrayList<>(names);
    }

    /** Heartbeats sent so far. */
    long sent() {
        return sent.get();
    }

    @Override
    public synchronized void close() {
        closed = true;
        names.clear();
        next.cancel();
    }

    private void schedule(Duration delay) {
        if (closed || names.isEmpty()) {
            scheduled = false;
            return;
        }
        scheduled = true;
        long c = chain;
        next = scheduler.after(delay, () -> beat(c));
    }

    /** One round: a heartbeat per appliance, then the next round at half the monitor's interval. */
    private void beat(long c) {
        List<String> round;
        synchronized (this) {
            if (c != chain) {
                return;
            }
            if (closed || names.isEmpty()) {
                scheduled = false;
                return;
            }
            round = new ArrayList<>(names);
        }
        Duration period = DEFAULT_INTERVAL;
        MonitorService m = monitor.get();
        if (m != null) {
            try {
                for (String name : round) {
                    heartbeat(m, name);
                }
                period = interval(m).dividedBy(2);
                if (failing) {
                    failing = false;
                    LOG.info("Appliance heartbeats reach the monitor again");
                }
            } catch (RuntimeException e) {
                // the monitor going away under us: try again next round, say so once
                if (!failing) {
                    failing = true;
                    LOG.warn("Appliance heartbeats fail: {}; retrying every round", String.valueOf(e));
                }
            }
        }
        synchronized (this) {
            if (c == chain) {
                schedule(period.compareTo(MIN_PERIOD) < 0 ? MIN_PERIOD : period);
            }
        }
    }

    private void heartbeat(MonitorService m, String name) {
        try {
            m.heartbeat(name);
            sent.incrementAndGet();
        } catch (IllegalArgumentException e) {
            // the inventory no longer has it (a clean-up under way, an operator): a later set-up declares it again
            boolean known;
            synchronized (this) {
                known = names.remove(name);
            }
            if (known) {
                LOG.debug("Appliance {}: no more heartbeats, the monitor refuses them: {}", name, e.getMessage());
            }
        }
    }

    /** The monitor's heartbeat interval, as it shows it for any of our appliances. */
    private Duration interval(MonitorService m) {
        String any;
        synchronized (this) {
            if (names.isEmpty()) {
                return DEFAULT_INTERVAL;
            }
            any = names.iterator().next();
        }
        Optional<TargetHealth> h = m.appliance(any);
        return h.map(t -> t.timing().interval()).orElse(DEFAULT_INTERVAL);
    }

    synchronized boolean scheduled() {
        return scheduled;
    }
}
