package org.fcredirect.traffic.api;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The traffic sources: the generator and capture replay, both writing into the fast path through
 * its frame-source ports. Registered by the traffic bundle, which can be updated while the fast
 * path goes on.
 */
@ProviderType
public interface TrafficService {

    /**
     * Starts the traffic generator in the background: it sets its topology up (through the flow
     * service when there is one), waits for the rules to reach the workers, then sends.
     *
     * @return the status right after starting (state {@link TrafficState#SETTING_UP})
     * @throws IllegalStateException while a run is still active, or when the fast path is not running
     */
    TrafficStatus startTraffic(TrafficSpec spec);

    /**
     * Asks the running generator to stop starting exchanges; it then waits for the open ones and
     * ends as {@link TrafficState#STOPPED}. Does nothing when no run is active.
     *
     * @return the status right after asking
     */
    TrafficStatus stopTraffic();

    /** The current or last run. */
    TrafficStatus traffic();

    /**
     * Waits until the current run has ended, or for {@code timeout}.
     *
     * @return the status then (check {@link TrafficState#active()} for a timeout)
     */
    TrafficStatus awaitTraffic(Duration timeout) throws InterruptedException;

    /**
     * Replays a pcap or pcapng capture of FC frames through the pipeline, on the calling thread,
     * and writes the frames that come out (rewritten where a rule says so) to a pcap of the same
     * link type, in input order. Interrupting the calling thread stops the replay. The output is
     * written to a temporary file beside it and moved into place only when the replay succeeds;
     * a failed replay leaves what was there before.
     *
     * @param replaceOutput whether an existing output file may be replaced; never the input itself
     * @param vsan the VSAN the captured frames belong to (a capture does not carry it), 1..4094
     * @param listener hears progress a few times a second
     * @throws java.nio.file.FileAlreadyExistsException when the output exists and may not be replaced
     * @throws IOException naming the file, the offset and the problem for a file that cannot be
     *         read or is not a capture
     * @throws IllegalArgumentException when the output is the input, under any name
     * @throws InterruptedException when the calling thread was interrupted
     */
    default ReplayResult replay(Path input, Path output, boolean replaceOutput, int vsan, ReplayListener listener)
            throws IOException, InterruptedException {
        return replay(input, output, replaceOutput, vsan, false, listener);
    }

    /**
     * {@link #replay(Path, Path, boolean, int, ReplayListener) Replays}, and with {@code paced}
     * keeps the capture's pace: each frame goes no earlier after the first than it was captured
     * after the first, so what the control plane does between frames (learning a login, publishing
     * the rules that follow) happens in the replay as it did on the fabric. Without, as fast as
     * the fast path takes them.
     */
    ReplayResult replay(Path input, Path output, boolean replaceOutput, int vsan, boolean paced,
            ReplayListener listener) throws IOException, InterruptedException;

    /** {@link #replay(Path, Path, boolean, int, ReplayListener) Replays} into an output that does not exist yet. */
    default ReplayResult replay(Path input, Path output, int vsan, ReplayListener listener)
            throws IOException, InterruptedException {
        return replay(input, output, false, vsan, listener);
    }
}
