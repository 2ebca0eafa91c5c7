package org.fcredirect.fastpath.impl;

import java.util.function.Consumer;

/**
 * A frame source's side of the pipeline: one lane per worker with its own pool of batches. The
 * source asks for the batch of a frame's worker ({@link #worker} is the shard of its addresses),
 * writes the frame in, and gets batches back processed from {@link #poll}. Single-threaded: the
 * source's thread does everything here.
 */
final class Dispatcher implements AutoCloseable {
    private final Pipeline pipeline;
    private final Lane[] lanes;
    private final FrameBatch[][] free;
    private final int[] freeCount;
    private final FrameBatch[] current;
    private final int batchesPerLane;
    private int inFlight;
    private boolean closed;

    Dispatcher(Pipeline pipeline, String source, int batchesPerLane) {
        this.pipeline = pipeline;
        this.batchesPerLane = Math.max(2, batchesPerLane);
        this.lanes = pipeline.attach(source, this.batchesPerLane);
        int n = lanes.length;
        free = new FrameBatch[n][this.batchesPerLane];
        freeCount = new int[n];
        current = new FrameBatch[n];
        for (int w = 0; w < n; w++) {
            for (int i = 0; i < this.batchesPerLane; i++) {
                free[w][i] = new FrameBatch(lanes[w]);
            }
            freeCount[w] = this.batchesPerLane;
        }
    }

    int workers() {
        return lanes.length;
    }

    /** The worker owning frames between these addresses. */
    int worker(int vsan, int sid, int did) {
        return Keys.shard(vsan, sid, did, lanes.length);
    }

    /** The batch a frame of {@code len} bytes for worker {@code w} goes into, or null while all of w's batches are out. */
    FrameBatch batchFor(int w, int len) {
        FrameBatch b = current[w];
        if (b != null && b.fits(len)) {
            return b;
        }
        if (b != null) {
            submit(w);
        }
        if (freeCount[w] == 0) {
            return null;
        }
        b = free[w][--freeCount[w]];
        current[w] = b;
        return b;
    }

    /** Sends every partly filled batch. */
    void flush() {
        for (int w = 0; w < current.length; w++) {
            if (current[w] != null && !current[w].isEmpty()) {
                submit(w);
            }
        }
    }

    private void submit(int w) {
        lanes[w].toWorker.offer(current[w]);
        current[w] = null;
        inFlight++;
    }

    /** Hands every processed batch to {@code handler}, which must {@link #release} each, now or later. */
    int poll(Consumer<FrameBatch> handler) {
        int n = 0;
        for (Lane lane : lanes) {
            FrameBatch b;
            while ((b = lane.processed.relaxedPoll()) != null) {
                inFlight--;
                n++;
                handler.accept(b);
            }
        }
        return n;
    }

    void release(FrameBatch b) {
        b.clear();
        int w = b.lane.worker;
        free[w][freeCount[w]++] = b;
    }

    /** Batches sent and not yet polled back. */
    int inFlight() {
        return inFlight;
    }

    boolean pipelineStopped() {
        return pipeline.stopped();
    }

    /**
     * Waits (up to {@code timeoutMillis}) for batches still in the pipeline, discarding them, and
     * detaches the lanes.
     */
    void close(long timeoutMillis) {
        if (closed) {
            return;
        }
        closed = true;
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        Backoff backoff = new Backoff();
        while (inFlight > 0 && !pipeline.stopped() && System.nanoTime() - deadline < 0) {
            if (poll(this::release) == 0) {
                backoff.idle();
            }
        }
        pipeline.detach(lanes);
    }

    @Override
    public void close() {
        close(10_000);
    }
}
