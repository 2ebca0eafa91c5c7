package org.fcredirect.fastpath.api;

/**
 * One SCSI exchange from its FCP_CMND to its FCP_RSP, as one worker saw it on the fabric; a view
 * valid only during {@link StatsConsumer#exchange}. Times come from the frame source's clock
 * (the generator's monotonic clock, or a capture's timestamps), so only differences mean anything.
 */
public interface ExchangeCompletion {

    long flowId();

    int worker();

    int vsan();

    /** FCID of the exchange originator (the initiator) as it entered the fabric, 24 bits. */
    int initiator();

    /** FCID the originator addressed (the target), 24 bits. */
    int target();

    int oxId();

    /** WRDATA was set in the command (a write); otherwise a read or a command without data. */
    boolean write();

    /** FCP_DL of the command: the bytes it expects to move. */
    long dataLength();

    /** SCSI status byte of the response, or -1 when the response was too short to carry one. */
    int scsiStatus();

    /** When the FCP_CMND passed, in the source's nanoseconds. */
    long commandNanos();

    /** From FCP_CMND to FCP_RSP, in nanoseconds. */
    long completionNanos();
}
