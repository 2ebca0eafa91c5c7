package org.fcredirect.stats.impl;

import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.FlowEvent;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowListener;
import org.fcredirect.flow.api.FlowService;
import org.fcredirect.stats.api.FlowLabels;

/**
 * Labels of flows from the flow service, when there is one. The store keeps each flow's groups,
 * so this is asked once per new flow; flow events only queue the flow id, and the drain thread
 * applies the queue between batches (the store has one writer).
 */
final class FlowServiceLabels implements FlowLabelSource, FlowListener {
    private volatile FlowService service;
    private final ConcurrentLinkedQueue<Long> changed = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean relabelAll = new AtomicBoolean();

    void bind(FlowService flowService) {
        service = flowService;
        flowService.addListener(this);
        // Flows first seen while no flow service was bound were labelled unknown.
        relabelAll.set(true);
    }

    /** Keeps the labels already assigned; only new flows go to {@link FlowLabels#UNKNOWN} meanwhile. */
    void unbind(FlowService flowService) {
        flowService.removeListener(this);
        if (service == flowService) {
            service = null;
        }
    }

    @Override
    public FlowLabels labels(long flowId) {
        FlowService s = service;
        if (s == null || flowId <= 0) {
            return FlowLabels.UNKNOWN_FLOW;
        }
        try {
            return s.get(FlowId.of(flowId)).map(FlowServiceLabels::labelsOf).orElse(FlowLabels.UNKNOWN_FLOW);
        } catch (RuntimeException e) {
            // The flow service going away under us: the flow is relabelled when it comes back.
            return FlowLabels.UNKNOWN_FLOW;
        }
    }

    @Override
    public void onEvent(FlowEvent event) {
        changed.add(event.flow().id().value());
    }

    /** Applies queued changes; called by the store's writer. */
    void applyChanges(StatsStore store) {
        if (relabelAll.getAndSet(false)) {
            changed.clear();
            store.relabelAll();
        }
        for (Long id = changed.poll(); id != null; id = changed.poll()) {
            store.relabel(id);
        }
    }

    boolean hasChanges() {
        return relabelAll.get() || !changed.isEmpty();
    }

    static FlowLabels labelsOf(Flow flow) {
        Optional<String> appliance = flow.appliance();
        return new FlowLabels(Integer.toString(flow.spec().vsan().value()), flow.spec().initiator().toString(),
                flow.spec().target().toString(), appliance.orElse(FlowLabels.DIRECT));
    }
}
