package org.fcredirect.traffic.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.fcredirect.fastpath.impl.FastPathManager;
import org.fcredirect.fastpath.impl.Fixtures;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.Appliance;
import org.fcredirect.traffic.api.TrafficSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two generators over one flow service, as the nodes of a fabric running their shares of the demo
 * over one history: with appliance numbers of their own each sets up beside the other, and the
 * clean-up of one leaves the other's appliances and flows alone.
 */
class TwoGeneratorsOneFabricTest {
    private static final String TOPOLOGY = "vsans=1 initiatorsPerVsan=4 targetsPerVsan=4 flowsPerInitiator=2 appliances=2"
            + " groups=enc/mig redirectPercent=100";
    private FastPathManager fastPath;
    private FakeFlowApi api;

    @BeforeEach
    void start() {
        fastPath = Fixtures.start(Fixtures.settings(2));
        api = new FakeFlowApi(fastPath);
    }

    @AfterEach
    void stop() {
        api.close();
        Fixtures.stop(fastPath);
    }

    private FlowServiceDirectory node() {
        return new FlowServiceDirectory(fastPath, api, api, api);
    }

    private static TrafficTopology topology(String settings) {
        return new TrafficTopology(TrafficSpec.parse(TOPOLOGY + " " + settings));
    }

    private static long[] setUp(FlowServiceDirectory node, TrafficTopology t) {
        return node.setUp(t, new FlowRoutes(t));
    }

    @Test
    void sharesWithTheirOwnApplianceNumbersSetUpSideBySideAndCleanUpOnlyTheirOwn() {
        TrafficTopology first = topology("firstVsan=100");
        TrafficTopology second = topology("firstVsan=101 firstAppliance=2");
        FlowServiceDirectory one = node();
        FlowServiceDirectory two = node();
        long[] firstFlows = setUp(one, first);
        long[] secondFlows = setUp(two, second);
        assertEquals(List.of("trafgen-0", "trafgen-1", "trafgen-2", "trafgen-3"),
                api.list().stream().map(Appliance::name).toList());
        assertEquals(List.of("enc", "mig", "enc", "mig"), api.list().stream().map(a -> a.spec().group()).toList());
        assertEquals(List.of("trafgen-2", "trafgen-3"), two.appliances(second), "what the second node heartbeats");
        assertEquals(first.flows + second.flows, api.flowCount());

        two.unfollow();
        two.tearDown(second, secondFlows);
        assertEquals(List.of("trafgen-0", "trafgen-1"), api.list().stream().map(Appliance::name).toList());
        assertEquals(first.flows, api.flowCount());
        for (int f = 0; f < first.flows; f++) {
            assertEquals(Optional.of(firstFlows[f]), api.find(VsanId.of(100), Wwn.of(TrafficTopology.hostWwn(100, first.host[f])),
                    Wwn.of(TrafficTopology.targetWwn(100, first.target[f])), OptionalInt.empty())
                    .map(flow -> flow.id().value()), "flow " + f + " of the first node");
        }
        assertTrue(api.fcidOf(VsanId.of(100), Wwn.of(TrafficTopology.hostWwn(100, 0))).isPresent(),
                "the first node's hosts stay logged in");
        one.unfollow();
    }

    /** What the fabric's second node met before appliances were numbered per share. */
    @Test
    void sharesThatNumberTheirAppliancesAlikeCollide() {
        setUp(node(), topology("firstVsan=100"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> setUp(node(), topology("firstVsan=101")));
        assertTrue(e.getMessage().startsWith("appliance trafgen-0 exists with other settings"), e.getMessage());
    }
}
