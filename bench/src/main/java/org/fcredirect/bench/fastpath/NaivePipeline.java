package org.fcredirect.bench.fastpath;

import java.util.ArrayDeque;
import java.util.concurrent.ArrayBlockingQueue;

import org.fcredirect.fc.FrameView;

/**
 * The baseline pipeline: frames one by one through an {@link ArrayBlockingQueue} to a worker
 * thread running {@link NaiveFastPath}, and back through another to the source that reuses them.
 */
public final class NaivePipeline implements AutoCloseable {
    /** A frame buffer travelling alone. */
    public static final class Frame {
        public final byte[] data = new byte[FrameView.MAX_FRAME_LENGTH];
        public int length;
    }

    private final ArrayBlockingQueue<Frame> toWorker;
    private final ArrayBlockingQueue<Frame> back;
    private final ArrayDeque<Frame> free = new ArrayDeque<>();
    private final Thread worker;

    public NaivePipeline(NaiveFastPath fastPath, int frames) {
        toWorker = new ArrayBlockingQueue<>(frames);
        back = new ArrayBlockingQueue<>(frames);
        for (int i = 0; i < frames; i++) {
            free.add(new Frame());
        }
        worker = new Thread(() -> {
            try {
                while (true) {
                    Frame f = toWorker.take();
                    fastPath.process(f.data, 0, f.length, TrafficPattern.VSAN);
                    back.put(f);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "naive-worker");
        worker.setDaemon(true);
        worker.start();
    }

    /** A free frame to fill, waiting for one to come back when all are out. */
    public Frame next() {
        Frame f = free.poll();
        int waits = 0;
        while (f == null) {
            back.drainTo(free);
            f = free.poll();
            if (f == null) {
                Waits.pause(waits++);
            }
        }
        return f;
    }

    public void send(Frame f) throws InterruptedException {
        toWorker.put(f);
    }

    @Override
    public void close() throws InterruptedException {
        worker.interrupt();
        worker.join(5_000);
    }
}
