package org.fcredirect.traffic.api;

/**
 * How far a capture replay is.
 *
 * @param bytesRead bytes of the input read so far
 * @param bytesTotal size of the input file
 * @param packets packets read so far
 * @param framesWritten frames written to the output so far
 * @param framesDropped frames the fast path dropped so far
 */
public record ReplayProgress(long bytesRead, long bytesTotal, long packets, long framesWritten, long framesDropped) {

    /** Share of the input read, 0..1. */
    public double fraction() {
        return bytesTotal <= 0 ? 1.0 : Math.min(1.0, (double) bytesRead / bytesTotal);
    }
}
