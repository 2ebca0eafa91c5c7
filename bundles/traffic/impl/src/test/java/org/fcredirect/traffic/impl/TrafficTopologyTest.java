package org.fcredirect.traffic.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.fcredirect.traffic.api.TrafficSpec;
import org.junit.jupiter.api.Test;

/** Flow indexes from port names, groups and failover modes of the generator's topology. */
class TrafficTopologyTest {

    @Test
    void everyFlowIsFoundByItsPortNamesAndNoOtherPairIs() {
        TrafficTopology t = new TrafficTopology(TrafficSpec.parse(
                "vsans=3 firstVsan=40 initiatorsPerVsan=7 targetsPerVsan=9 flowsPerInitiator=3 appliances=3"));
        for (int f = 0; f < t.flows; f++) {
            assertEquals(f, t.indexOf(t.vsan[f], TrafficTopology.hostWwn(t.vsan[f], t.host[f]),
                    TrafficTopology.targetWwn(t.vsan[f], t.target[f])));
        }
        assertEquals(-1, t.indexOf(40, TrafficTopology.hostWwn(40, 0), TrafficTopology.targetWwn(40, 3)),
                "host 0 talks to targets 0..2 only");
        assertEquals(-1, t.indexOf(43, TrafficTopology.hostWwn(43, 0), TrafficTopology.targetWwn(43, 0)), "another VSAN");
        assertEquals(-1, t.indexOf(40, TrafficTopology.hostWwn(40, 7), TrafficTopology.targetWwn(40, 7)), "no such host");
        assertEquals(-1, t.indexOf(40, 0x2000_0025_b500_0001L, TrafficTopology.targetWwn(40, 0)), "someone else's port");
    }

    @Test
    void appliancesTakeTheGroupsInTurnAndMixedFailoverTakesTheModesInTurn() {
        TrafficTopology t = new TrafficTopology(TrafficSpec.parse(
                "initiatorsPerVsan=6 targetsPerVsan=6 appliances=5 groups=enc/mig failover=mixed"));
        assertEquals("enc", t.groupOf(0));
        assertEquals("mig", t.groupOf(1));
        assertEquals("enc", t.groupOf(4));
        assertEquals(Optional.of("standby"), t.failoverOf(0));
        assertEquals(Optional.of("bypass"), t.failoverOf(1));
        assertEquals(Optional.of("block"), t.failoverOf(5));
        assertEquals(Optional.empty(), new TrafficTopology(TrafficSpec.parse("appliances=1")).failoverOf(0));
    }

    /** Why failover=standby with several flows per host wants groups of one column: no standby may mix hosts or targets. */
    @Test
    void withGroupsAMultipleOfFlowsPerHostNoTwoFlowsOfAGroupShareAHostOrATarget() {
        TrafficTopology t = new TrafficTopology(TrafficSpec.parse("initiatorsPerVsan=8 targetsPerVsan=8 flowsPerInitiator=2"
                + " appliances=8 groups=4 failover=standby"));
        for (String group : Set.of("trafgen-a", "trafgen-b", "trafgen-c", "trafgen-d")) {
            Set<Integer> hosts = new HashSet<>();
            Set<Integer> targets = new HashSet<>();
            int flows = 0;
            for (int f = 0; f < t.flows; f++) {
                if (t.redirected(f) && t.groupOf(t.appliance[f]).equals(group)) {
                    hosts.add(t.host[f]);
                    targets.add(t.target[f]);
                    flows++;
                }
            }
            assertEquals(flows, hosts.size(), group);
            assertEquals(flows, targets.size(), group);
        }
    }

    @Test
    void underThePoliciesNoFlowHasAPlannedApplianceButTheAppliancesAreDeclared() {
        TrafficTopology t = new TrafficTopology(TrafficSpec.parse("placement=policy initiatorsPerVsan=4 targetsPerVsan=4"
                + " appliances=3 redirectPercent=0"));
        for (int f = 0; f < t.flows; f++) {
            assertEquals(-1, t.appliance[f]);
        }
        assertEquals(3, t.appliances());
    }
}
