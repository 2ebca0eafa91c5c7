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

    /** A directory that installs no rule: redirected frames then arrive with the wrong addresses. */
    static FabricDirectory noRules() {
        return new FabricDirectory() {
            @Override
            public String name() {
                return "nothing";
            }

            @Override
            public long[] setUp(TrafficTopology topology, FlowRoutes routes) {
                return new long[topology.flows];
            }

            @Override
            public void tearDown(TrafficTopology topology, long[] flowIds) {
            }
        };
    }
}
