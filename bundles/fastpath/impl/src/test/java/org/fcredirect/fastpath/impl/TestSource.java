package org.fcredirect.fastpath.impl;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.fcredirect.fastpath.api.FrameBatch;
import org.fcredirect.fastpath.api.FramePort;
import org.fcredirect.fc.FrameView;

/** A frame source for tests, through the API's port: sends frames through a running fast path and returns each one's fate, in order. */
final class TestSource implements AutoCloseable {
    private static final long TIMEOUT_NANOS = 20_000_000_000L;

    private final FramePort port;

    TestSource(FastPathManager manager) {
        port = manager.open("test");
    }

    Shard.Result send(int vsan, byte[] frame) {
        return send(vsan, List.of(frame)).get(0);
    }

    List<Shard.Result> send(int vsan, List<byte[]> frames) {
        Shard.Result[] results = new Shard.Result[frames.size()];
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        int next = 0;
        int done = 0;
        while (done < frames.size()) {
            while (next < frames.size()) {
                byte[] f = frames.get(next);
                FrameView v = new FrameView().wrap(f, 0, f.length);
                int w = f.length >= FrameView.HEADER_LENGTH ? port.worker(vsan, v.sId(), v.dId()) : 0;
                FrameBatch b = port.claim(w, f.length);
                if (b == null) {
                    break;
                }
                int at = b.add(vsan, System.nanoTime(), next, f.length);
                System.arraycopy(f, 0, b.data(), at, f.length);
                next++;
            }
            port.publish();
            int[] returned = {0};
            port.poll(b -> {
                for (int i = 0; i < b.count(); i++) {
                    byte[] out = Arrays.copyOfRange(b.data(), b.offset(i), b.offset(i) + b.length(i));
                    results[(int) b.tag(i)] = new Shard.Result(out,
                            b.verdict(i) == FrameBatch.FORWARDED ? null : FrameBatch.reasonOf(b.verdict(i)));
                    returned[0]++;
                }
                port.release(b);
            });
            done += returned[0];
            if (System.nanoTime() - deadline > 0) {
                fail("frames did not come back from the fast path: " + done + " of " + frames.size());
            }
            if (returned[0] == 0) {
                LockSupport.parkNanos(100_000);
            }
        }
        return new ArrayList<>(Arrays.asList(results));
    }

    @Override
    public void close() {
        port.close();
    }
}
