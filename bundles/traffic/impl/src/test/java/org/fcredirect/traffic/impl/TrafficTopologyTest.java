package org.fcredirect.traffic.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    /** Many hosts behind one array: every flow of a target through one appliance, each target and host with its own VT or VI. */
    @Test
    void everyFlowOfATargetGoesThroughOneApplianceWithAVtPerTargetAndAViPerHost() {
        TrafficTopology t = new TrafficTopology(TrafficSpec.parse("initiatorsPerVsan=200 targetsPerVsan=20"
                + " flowsPerInitiator=5 appliances=2 redirectPercent=100"));
        Map<Integer, Integer> vtOfTarget = new HashMap<>();
        Map<Long, Integer> viOfHostOnAppliance = new HashMap<>();
        Set<Integer> vts = new HashSet<>();
        Set<Integer> vis = new HashSet<>();
        for (int f = 0; f < t.flows; f++) {
            int flow = f;
            assertEquals(t.target[f] % 2, t.appliance[f]);
            assertEquals(vtOfTarget.computeIfAbsent(t.target[f], k -> t.vtFcid(flow)), t.vtFcid(f));
            assertEquals(viOfHostOnAppliance.computeIfAbsent((long) t.appliance[f] << 32 | t.host[f],
                    k -> t.viFcid(flow)), t.viFcid(f));
            vts.add(t.vtFcid(f));
            vis.add(t.viFcid(f));
        }
        assertEquals(20, vts.size(), "a VT per target");
        assertEquals(400, vis.size(), "a VI per host on each of the two appliances");
        assertTrue(vis.stream().noneMatch(vts::contains));
    }

    /** Two runs of one fabric (the demo's shares) with disjoint appliance numbers meet on no name, pool address or pool WWN. */
    @Test
    void firstApplianceShiftsNamesPoolsAndPoolWwnsButNotGroupsOrPlacement() {
        String settings = "vsans=2 initiatorsPerVsan=8 targetsPerVsan=8 appliances=6 groups=enc/mig redirectPercent=100";
        TrafficTopology base = new TrafficTopology(TrafficSpec.parse(settings));
        TrafficTopology shifted = new TrafficTopology(TrafficSpec.parse(settings + " firstAppliance=6"));
        assertEquals("trafgen-0", base.applianceName(0));
        assertEquals(0x300000, base.poolFirstFcid(0), "unshifted: the addresses of every earlier run");
        assertEquals(0x5200_0064_0000_0000L, base.poolWwnBase(100, 0));
        Set<String> names = new HashSet<>();
        Set<Integer> poolAddresses = new HashSet<>();
        Set<Long> poolWwns = new HashSet<>();
        for (TrafficTopology t : List.of(base, shifted)) {
            for (int a = 0; a < t.appliances(); a++) {
                assertTrue(names.add(t.applianceName(a)), t.applianceName(a));
                for (int port = 0; port < TrafficTopology.POOL_SIZE; port++) {
                    assertTrue(poolAddresses.add(t.poolFirstFcid(a) + port), t.applianceName(a) + " port " + port);
                }
                for (int v = 100; v < 102; v++) {
                    assertTrue(poolWwns.add(t.poolWwnBase(v, a)), t.applianceName(a) + " VSAN " + v);
                }
            }
        }
        assertEquals(List.of("trafgen-6", "trafgen-11"), List.of(shifted.applianceName(0), shifted.applianceName(5)));
        for (int a = 0; a < 6; a++) {
            assertEquals(base.groupOf(a), shifted.groupOf(a), "appliance " + a + " of each run in the same group");
        }
        for (int f = 0; f < base.flows; f++) {
            assertEquals(base.appliance[f], shifted.appliance[f]);
            int pool = shifted.poolFirstFcid(shifted.appliance[f]);
            assertTrue(shifted.vtFcid(f) >= pool && shifted.viFcid(f) < pool + TrafficTopology.POOL_SIZE,
                    "flow " + f + "'s planned VT and VI are in its appliance's pool");
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
