package org.fcredirect.stats.api;

/**
 * Counters of a flow or of all traffic. Reads and writes count completed exchanges that were
 * recorded (a full queue in the fast path may drop a record; see {@link StatsStatus}); exchanges
 * completed counts every FCP_RSP the fast path saw.
 *
 * @param scsiErrors completed exchanges whose SCSI status was not GOOD (or missing)
 */
public record TrafficCounters(long framesToTarget, long bytesToTarget, long framesToInitiator,
        long bytesToInitiator, long framesDropped, long exchangesOpened, long exchangesCompleted, long reads,
        long writes, long scsiErrors) {

    public static final TrafficCounters ZERO = new TrafficCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public long frames() {
        return framesToTarget + framesToInitiator;
    }

    public long bytes() {
        return bytesToTarget + bytesToInitiator;
    }

    /** Dropped frames plus exchanges that ended in a SCSI error. */
    public long errors() {
        return framesDropped + scsiErrors;
    }
}
