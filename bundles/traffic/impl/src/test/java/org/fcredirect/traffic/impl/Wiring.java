package org.fcredirect.traffic.impl;

import org.fcredirect.fastpath.impl.FastPathManager;
import org.fcredirect.fastpath.impl.Fixtures;

/** A traffic manager over a running fast path, wired as the container would wire them. */
final class Wiring {
    private Wiring() {
    }

    static TrafficManager traffic(FastPathManager fastPath) {
        TrafficManager t = new TrafficManager();
        t.sources = fastPath;
        t.rules = fastPath;
        t.activate();
        return t;
    }

    /** Stops the traffic first, as the container does when the fast path goes. */
    static void stop(TrafficManager traffic, FastPathManager fastPath) {
        traffic.deactivate();
        Fixtures.stop(fastPath);
    }
}
