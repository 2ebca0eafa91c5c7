package org.fcredirect.flow.impl;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.fcredirect.flow.api.FlowEvent;
import org.fcredirect.flow.api.FlowListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers flow events to listeners on one thread of its own, in the order of the changes, so a
 * listener never runs under the flow manager's lock nor delays an operator's change. A listener
 * that throws is logged and keeps receiving.
 */
final class FlowEventDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(FlowEventDispatcher.class);

    private final List<FlowListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fcr-flow-events");
        t.setDaemon(true);
        return t;
    });

    void add(FlowListener l) {
        listeners.add(l);
    }

    void remove(FlowListener l) {
        listeners.remove(l);
    }

    boolean hasListeners() {
        return !listeners.isEmpty();
    }

    void dispatch(List<FlowEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        thread.execute(() -> {
            for (FlowEvent e : events) {
                for (FlowListener l : listeners) {
                    try {
                        l.onEvent(e);
                    } catch (RuntimeException failure) {
                        LOG.warn("Flow listener {} failed on {} of flow {}: {}", l, e.type(), e.flow().id(),
                                failure.toString());
                    }
                }
            }
        });
    }

    void close() {
        thread.shutdown();
    }
}
