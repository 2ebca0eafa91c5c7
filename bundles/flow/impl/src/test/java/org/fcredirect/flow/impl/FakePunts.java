package org.fcredirect.flow.impl;

import java.util.ArrayDeque;
import java.util.Deque;

import org.fcredirect.fastpath.api.PuntBacklog;
import org.fcredirect.fastpath.api.PuntConsumer;
import org.fcredirect.fastpath.api.PuntedFrame;

/** A punt source fed by the test, as the fast path would: whole frames, cut to the punted length. */
final class FakePunts implements org.fcredirect.fastpath.api.PuntSource {
    private record Punt(int vsan, byte[] frame) {
    }

    private final Deque<Punt> queue = new ArrayDeque<>();
    private long drained;

    void punt(int vsan, byte[] frame) {
        int n = Math.min(frame.length, 24 + PuntedFrame.MAX_PAYLOAD);
        queue.add(new Punt(vsan, java.util.Arrays.copyOf(frame, n)));
    }

    @Override
    public int drainPunted(PuntConsumer consumer, int maxFrames) {
        int n = 0;
        while (n < maxFrames && !queue.isEmpty()) {
            Punt p = queue.poll();
            drained++;
            n++;
            consumer.punted(new PuntedFrame() {
                @Override
                public int vsan() {
                    return p.vsan();
                }

                @Override
                public int worker() {
                    return 0;
                }

                @Override
                public long timestamp() {
                    return 0;
                }

                @Override
                public byte[] buffer() {
                    return p.frame();
                }

                @Override
                public int offset() {
                    return 0;
                }

                @Override
                public int length() {
                    return p.frame().length;
                }
            });
        }
        return n;
    }

    @Override
    public PuntBacklog puntBacklog() {
        return new PuntBacklog(drained + queue.size(), 0, drained, queue.size());
    }
}
