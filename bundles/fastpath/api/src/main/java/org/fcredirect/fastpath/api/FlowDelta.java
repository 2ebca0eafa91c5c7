package org.fcredirect.fastpath.api;

/**
 * Counters of one flow added since the previous delta of that flow from the same worker; a view
 * valid only during {@link StatsConsumer#flowDelta}. A flow's frames are counted by every worker
 * they pass through (a redirected frame passes the fabric twice: to the appliance and from it), so
 * sum the deltas of a flow. Direction is the FC exchange context: frames from the exchange
 * originator (for SCSI, the initiator) count toward the target, frames from the responder toward
 * the initiator.
 */
public interface FlowDelta {

    /** The rule's flow id, or {@link StatsSource#UNMATCHED_FLOW}. */
    long flowId();

    /** The worker that counted these frames. */
    int worker();

    long framesToTarget();

    long bytesToTarget();

    long framesToInitiator();

    long bytesToInitiator();

    /** Frames of this delta that were dropped (by a drop rule, the default decision or an ambiguous rule). */
    long framesDropped();

    /** FCP_CMND frames forwarded from the initiator's side (the appliance's copies are not counted). */
    long exchangesOpened();

    /** FCP_RSP frames forwarded from the target's side that answered an exchange this worker opened. */
    long exchangesCompleted();

    default long frames() {
        return framesToTarget() + framesToInitiator();
    }

    default long bytes() {
        return bytesToTarget() + bytesToInitiator();
    }
}
