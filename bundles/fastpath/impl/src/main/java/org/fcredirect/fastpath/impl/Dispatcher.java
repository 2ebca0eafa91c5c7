package org.fcredirect.fastpath.impl;

import java.util.function.Consumer;

import org.fcredirect.fastpath.api.FrameBatch;
import org.fcredirect.fastpath.api.FramePort;

/**
 * The one {@link FramePort} of the fast path: one lane per worker with its own pool of batches,
 * the frame's worker being the shard of its addresses. Single-threaded: the source's thread does
 * everything here. Closing goes through the fast path, which may rebuild the pipeline once the last
 * source is gone.
 */
final class Dispatcher implements FramePort {
    private final Pipeline pipeline;
    private final Lane[] lanes;
    private final LaneBatch[][] free;
    private final int[] freeCount;
    private final LaneBatch[] current;
    private final int batchesPerLane;
    private final Backoff backoff = new Backoff();
    private final Runnable onClose;
    private int inFlight;
    private boolean closed;

    /** @param onClose runs once, after the lanes are detached */
    Dispatcher(Pipeline pipeline, String source, int batchesPerLane, Runnable onClose) {
        this.pipeline = pipeline;
        this.onClose = onClose;
        this.batchesPerLane = Math.max(2, batchesPerLane);
        this.lanes = pipeline.attach(source, this.batchesPerLane);
        int n = lanes.length;
        free = new LaneBatch[n][this.batchesPerLane];
        freeCount = new int[n];
        current = new LaneBatch[n];
        for (int w = 0; w < n; w++) {
            for (int i = 0; i < this.batchesPerLane; i++) {
                free[w][i] = new LaneBatch(lanes[w]);
            }
            freeCount[w] = this.batchesPerLane;
        }
    }

    @Override
    public int workers() {
        return lanes.length;
    }

    @Override
    public int worker(int vsan, int sid, int did) {
        return Keys.shard(vsan, sid, did, lanes.length);
    }

    @Override
    public LaneBatch claim(int w, int len) {
        LaneBatch b = current[w];
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

    @Override
    public void publish() {
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

    @Override
    public int poll(Consumer<FrameBatch> handler) {
        int n = 0;
        for (Lane lane : lanes) {
            LaneBatch b;
            while ((b = lane.processed.relaxedPoll()) != null) {
                inFlight--;
                n++;
                handler.accept(b);
            }
        }
        return n;
    }

    @Override
    public void release(FrameBatch batch) {
        LaneBatch b = (LaneBatch) batch;
        b.clear();
        int w = b.lane.worker;
        free[w][freeCount[w]++] = b;
    }

    @Override
    public int inFlight() {
        return inFlight;
    }

    @Override
    public boolean stopped() {
        return pipeline.stopped();
    }

    @Override
    public void pace(boolean progressed) {
        if (progressed) {
            backoff.reset();
        } else {
            backoff.idle(false);
        }
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
        backoff.reset();
        while (inFlight > 0 && !pipeline.stopped() && System.nanoTime() - deadline < 0) {
            if (poll(this::release) == 0) {
                backoff.idle(false);
            }
        }
        pipeline.detach(lanes);
        onClose.run();
    }

    @Override
    public void close() {
        close(10_000);
    }
}
