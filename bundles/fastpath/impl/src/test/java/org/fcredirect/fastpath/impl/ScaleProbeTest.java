package org.fcredirect.fastpath.impl;

import java.util.concurrent.locks.LockSupport;

import org.fcredirect.fastpath.api.DefaultDecision;
import org.fcredirect.fastpath.api.FastPathSettings;
import org.fcredirect.fastpath.api.TrafficSpec;
import org.junit.jupiter.api.Test;

class ScaleProbeTest {
    @Test
    void probe() throws Exception {
        FastPathManager m = new FastPathManager(new FastPathSettings(2, 64, 256, 64, 1000, DefaultDecision.FORWARD, 65536));
        FakeFlowApi api = new FakeFlowApi(m);
        m.logins = api; m.flows = api; m.appliances = api;
        long t0 = System.nanoTime();
        m.startTraffic(TrafficSpec.builder().initiatorsPerVsan(2500).targetsPerVsan(2500).flowsPerInitiator(4).appliances(4)
                .queueDepth(4).exchanges(1_000_000).build());
        Recorder r = new Recorder();
        while (m.traffic().state().active()) {
            if (m.drain(r, 1000) < 1000) {
                LockSupport.parkNanos(2_000_000);
            }
        }
        var s = m.traffic();
        System.out.println("TRAFFIC " + s + " in " + (System.nanoTime() - t0) / 1e9 + " s");
        Recorder rest = Fixtures.drainAll(m);
        var fp = m.status();
        System.out.println("FASTPATH processed=" + fp.framesProcessed() + " drained=" + (r.frames() + rest.frames())
                + " exchanges drained=" + (r.exchanges.size() + rest.exchanges.size()) + " backlog=" + m.backlog());
        m.deactivate();
    }
}
