package org.fcredirect.itests;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import org.fcredirect.fastpath.api.FrameBatch;
import org.fcredirect.fastpath.api.FramePort;
import org.fcredirect.fastpath.api.FrameSources;

/**
 * A frame source of the test's own through the fast path's API port, on its own thread: FCP data
 * frames between two ports no rule names, a batch a millisecond. It keeps frames flowing while the
 * traffic bundle, and with it the generator, is being replaced.
 */
final class PortSource implements AutoCloseable {
    private static final int VSAN = 998;
    private static final int LENGTH = 24 + 512;
    private static final long PAUSE_NANOS = 1_000_000;

    private final FramePort port;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long returned;

    PortSource(FrameSources sources) {
        port = sources.open("itest port source");
        thread = new Thread(this::run, "itest-port-source");
        thread.setDaemon(true);
        thread.start();
    }

    /** Frames the fast path gave back so far. */
    long returned() {
        return returned;
    }

    private void run() {
        int sid = 0x0a0100;
        int did = 0x0a0200;
        int worker = port.worker(VSAN, sid, did);
        try {
            while (running) {
                FrameBatch b = port.claim(worker, LENGTH);
                if (b != null) {
                    int off = b.add(VSAN, System.nanoTime(), 0, LENGTH);
                    header(b.data(), off, sid, did);
                }
                port.publish();
                port.poll(this::back);
                LockSupport.parkNanos(PAUSE_NANOS);
            }
        } finally {
            port.close();
        }
    }

    private void back(FrameBatch b) {
        returned += b.count();
        port.release(b);
    }

    /** An FCP_DATA header: R_CTL 0x01, D_ID, S_ID, TYPE 0x08 (FCP); the rest zero. */
    private static void header(byte[] data, int off, int sid, int did) {
        Arrays.fill(data, off, off + LENGTH, (byte) 0);
        data[off] = 0x01;
        putFcid(data, off + 1, did);
        putFcid(data, off + 5, sid);
        data[off + 8] = 0x08;
    }

    private static void putFcid(byte[] data, int at, int fcid) {
        data[at] = (byte) (fcid >>> 16);
        data[at + 1] = (byte) (fcid >>> 8);
        data[at + 2] = (byte) fcid;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
