package org.fcredirect.flow.impl;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import org.fcredirect.fastpath.api.PuntSource;
import org.fcredirect.flow.api.LearningStatus;
import org.fcredirect.flow.api.LoginLearning;
import org.fcredirect.flow.api.NotStoredException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login table learning from the wire: a thread drains the fabric logins the fast path punts
 * ({@link PuntSource}), pairs them ({@link ElsPairing}) and stores what it learned in one change
 * per drain ({@link LearnedBatch}), so thousands of ports logging in at once cost a few appends.
 * Flows turn active or pending through the same store changes as {@code fcr:login}. With
 * {@code learnLogins} off, punted frames are drained and dropped, so the queues never fill.
 */
@Component(service = LoginLearning.class, immediate = true, property = "fcr.mbean=org.fcredirect:type=FlowManager")
public class LoginLearner implements LoginLearning {
    static final int DRAIN_MAX = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(LoginLearner.class);
    private static final long IDLE_NANOS = 10_000_000;
    private static final long FAILING_NANOS = 1_000_000_000;

    @Reference
    FlowStore store;

    /** Ages the replies that wait for their request; tests set their own. */
    LongSupplier nanos = System::nanoTime;

    private final LearningCounters counters = new LearningCounters();
    private final ElsPairing pairing = new ElsPairing(counters, ElsPairing.MAX_PENDING, ElsPairing.MAX_ORPHANS);
    private volatile PuntSource source;
    private volatile int pendingRequests;
    private volatile boolean running;
    private Thread thread;

    @Activate
    void activate() {
        running = true;
        thread = new Thread(this::run, "fcr-login-learner");
        thread.setDaemon(true);
        thread.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        running = false;
        LockSupport.unpark(thread);
        thread.join(5_000);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindSource")
    void bindSource(PuntSource s) {
        source = s;
    }

    void unbindSource(PuntSource s) {
        if (source == s) {
            source = null;
        }
    }

    private void run() {
        String failing = null;
        while (running) {
            try {
                if (round() == 0) {
                    LockSupport.parkNanos(IDLE_NANOS);
                }
                if (failing != null) {
                    LOG.info("Login learning works again");
                    failing = null;
                }
            } catch (RuntimeException e) {
                if (!Objects.equals(failing, e.getMessage())) {
                    failing = e.getMessage();
                    LOG.warn("Login learning failed, retrying every second: {}", failing, e);
                }
                LockSupport.parkNanos(FAILING_NANOS);
            }
        }
    }

    /**
     * Drains and learns from up to {@link #DRAIN_MAX} punted frames, and settles the replies that
     * waited for their request; returns how many frames it drained.
     */
    int round() {
        PuntSource s = source;
        if (s == null || s.puntBacklog().queued() == 0 && pairing.orphans() == 0) {
            return 0;
        }
        if (!store.settings().learnLogins()) {
            return s.drainPunted(f -> counters.add(LearningCounters.FRAMES, 1), DRAIN_MAX);
        }
        return store.change(effects -> {
            LearnedBatch batch = new LearnedBatch(store.model(), store.now(), counters);
            long now = nanos.getAsLong();
            int n = s.drainPunted(f -> pairing.accept(f.vsan(), f.buffer(), f.offset(), f.length(), now, batch),
                    DRAIN_MAX);
            pairing.settle(now, batch);
            pendingRequests = pairing.pending();
            List<FlowChange> changes = batch.changes();
            if (!changes.isEmpty()) {
                try {
                    store.commitObserved(changes, effects);
                    batch.stored();
                } catch (NotStoredException e) {
                    batch.notStored();
                    LOG.warn("Logins learned from the wire not stored, the ports stay as they were: {}", e.getMessage());
                }
            }
            return n;
        });
    }

    @Override
    public LearningStatus learningStatus() {
        LearningCounters c = counters;
        return new LearningStatus(store.settings().learnLogins(), c.get(LearningCounters.FRAMES),
                c.get(LearningCounters.LEARNED), c.get(LearningCounters.CONFIRMED), c.get(LearningCounters.LOGOUTS),
                c.get(LearningCounters.REJECTED), pendingRequests, c.get(LearningCounters.EXPIRED), c.ignoredByReason());
    }
}
