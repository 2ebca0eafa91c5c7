package org.fcredirect.monitor.impl;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.fcredirect.monitor.api.FailoverHandler;
import org.fcredirect.monitor.api.HealthTransition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registered failover handlers, told of failures and recoveries on the handlers' own thread. */
final class FailoverHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverHandlers.class);

    private final List<FailoverHandler> handlers = new CopyOnWriteArrayList<>();
    private final Executor executor;

    FailoverHandlers(Executor executor) {
        this.executor = executor;
    }

    void add(FailoverHandler h) {
        handlers.add(h);
    }

    void remove(FailoverHandler h) {
        handlers.remove(h);
    }

    /** Tells every handler of a failure or a recovery; a first healthy result is nobody's business. */
    void fire(HealthTransition t) {
        if (!t.failed() && !t.recovered()) {
            return;
        }
        try {
            executor.execute(() -> handlers.forEach(h -> call(h, t)));
        } catch (RejectedExecutionException e) {
            // the monitor is stopping
        }
    }

    private static void call(FailoverHandler h, HealthTransition t) {
        try {
            h.healthChanged(t);
        } catch (RuntimeException e) {
            LOG.warn("Failover handler {} failed on {} {} -> {}: {}", h.getClass().getName(), t.target(), t.from(),
                    t.to(), e.toString());
        }
    }
}
