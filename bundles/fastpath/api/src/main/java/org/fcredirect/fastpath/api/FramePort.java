package org.fcredirect.fastpath.api;

import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One frame source's side of the pipeline: a lane per worker, each with a pool of preallocated
 * {@link FrameBatch batches}. The source claims the batch of a frame's worker, writes the frame
 * into it in place, publishes, and polls its batches back processed, a verdict per frame, then
 * releases them for reuse. Nothing here allocates or locks in steady state. Single-threaded: the
 * source's own thread makes every call.
 */
@ProviderType
public interface FramePort extends AutoCloseable {

    /** Number of workers, hence of lanes. */
    int workers();

    /** The worker owning frames between these addresses (either direction). */
    int worker(int vsan, int sid, int did);

    /**
     * The batch a frame of {@code length} bytes for {@code worker} goes into (a full one is sent on
     * first), or null while all of that worker's batches are out: poll and try again.
     */
    FrameBatch claim(int worker, int length);

    /** Sends every partly filled batch. */
    void publish();

    /** Hands every processed batch to {@code handler}, which must {@link #release} each, now or later. */
    int poll(Consumer<FrameBatch> handler);

    /** Gives a polled batch back to its lane's pool. */
    void release(FrameBatch batch);

    /** Batches sent and not yet polled back. */
    int inFlight();

    /** Whether the pipeline under this port stopped (a rebuild or the fast path's end): open a new port. */
    boolean stopped();

    /**
     * Ends a round of the source's loop. After a round that did nothing it waits a little: spins,
     * then yields, then parks for growing pauses up to 100 µs, as the workers do, so an idle source
     * leaves the cores alone; a round that did something starts that wait over.
     */
    void pace(boolean progressed);

    /** Waits briefly for the batches still in flight, discarding them, and detaches the lanes. */
    @Override
    void close();
}
