package org.fcredirect.traffic.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The generator's settings: the failover, placement and group keys, their defaults and what they refuse. */
class TrafficSpecTest {

    private static void refused(String settings, String key) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrafficSpec.parse(settings));
        assertTrue(e.getMessage().contains(key), settings + " -> " + e.getMessage());
    }

    @Test
    void withoutTheNewKeysTheFlowsNameNoFailoverAndTheAppliancesFormOneGroupTrafgen() {
        TrafficSpec s = TrafficSpec.parse("vsans=2 appliances=6 flowsPerInitiator=5 targetsPerVsan=20");
        assertEquals(List.of("trafgen"), s.groups());
        assertEquals(TrafficSpec.Placement.EXPLICIT, s.placement());
        assertEquals(TrafficSpec.Failover.DEFAULT, s.failover());
        assertTrue(s.toString().endsWith(" groups=1 placement=explicit failover=default"), s.toString());
    }

    @Test
    void theNewKeysParseInAnyCaseAndReadBack() {
        TrafficSpec s = TrafficSpec.parse("appliances=6 groups=3 placement=POLICY failover=Mixed");
        assertEquals(List.of("trafgen-a", "trafgen-b", "trafgen-c"), s.groups());
        assertEquals(TrafficSpec.Placement.POLICY, s.placement());
        assertEquals(TrafficSpec.Failover.MIXED, s.failover());
        assertEquals(s, TrafficSpec.parse(s.toString()));
        assertEquals("3", s.toMap().get("groups"));

        TrafficSpec named = TrafficSpec.parse("appliances=4 groups=encryption/migration failover=block");
        assertEquals(List.of("encryption", "migration"), named.groups());
        assertEquals("encryption,migration", named.toMap().get("groups"));
        assertEquals(named, TrafficSpec.parse(named.toString()));
        assertEquals(named, named.toBuilder().build());
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        refused("failover=sideways", "failover");
        refused("placement=random", "placement");
        refused("groups=0", "groups");
        refused("groups=27", "groups");
        refused("groups=100000", "groups");
        refused("appliances=4 groups=a/a", "groups");
        refused("appliances=4 groups=a/bad!name", "groups");
        refused("appliances=4 groups=a,", "groups");
    }

    @Test
    void settingsWhoseArithmeticWouldOverflowAreRefusedNamingTheKey() {
        refused("framesPerSecond=" + Long.MAX_VALUE, "framesPerSecond");
        refused("framesPerSecond=" + (TrafficSpec.MAX_FRAMES_PER_SECOND + 1), "framesPerSecond");
        refused("duration=3000000h", "duration");
        refused("duration=" + Long.MAX_VALUE, "duration");
        refused("vsans=64 initiatorsPerVsan=1048576 targetsPerVsan=1048576 flowsPerInitiator=1048576 redirectPercent=0",
                "initiatorsPerVsan x flowsPerInitiator x queueDepth");
        refused("frames=99999999999999999999", "frames");
        refused("exchanges=99999999999999999999", "exchanges");
        TrafficSpec.parse("framesPerSecond=" + TrafficSpec.MAX_FRAMES_PER_SECOND + " duration=8760h");
    }

    @Test
    void moreGroupsThanAppliancesAreRefused() {
        refused("appliances=2 groups=3", "groups");
        assertEquals(3, TrafficSpec.parse("appliances=0 redirectPercent=0 groups=3").groups().size(),
                "nothing redirected: no appliance, the groups do not matter");
    }

    @Test
    void manyHostsPerTargetAndManyFlowsPerApplianceAreAllowedUnderEveryPlacementAndFailover() {
        TrafficSpec many = TrafficSpec.parse("initiatorsPerVsan=200 targetsPerVsan=20 flowsPerInitiator=5 appliances=2"
                + " redirectPercent=100 failover=standby");
        assertEquals(1000, many.flows());
        TrafficSpec s = TrafficSpec.parse("placement=policy flowsPerInitiator=2 appliances=1 redirectPercent=0");
        assertEquals(TrafficSpec.Placement.POLICY, s.placement(), "the policies decide: redirectPercent is not used");
        assertEquals(TrafficSpec.Failover.MIXED,
                TrafficSpec.parse("flowsPerInitiator=2 appliances=6 groups=3 failover=mixed").failover());
    }

    @Test
    void firstApplianceNumbersTheRunsAppliancesFromZeroByDefaultAndReadsBack() {
        TrafficSpec s = TrafficSpec.parse("appliances=6");
        assertEquals(0, s.firstAppliance());
        assertTrue(s.toString().contains(" appliances=6 firstAppliance=0 "), s.toString());
        TrafficSpec shifted = TrafficSpec.parse("appliances=6 firstAppliance=6");
        assertEquals(6, shifted.firstAppliance());
        assertEquals(shifted, TrafficSpec.parse(shifted.toString()));
        assertEquals(shifted, s.toBuilder().firstAppliance(6).build());
        assertEquals("6", shifted.toMap().get("firstAppliance"));
        assertTrue(TrafficSpec.KEYS.contains("firstAppliance"));
    }

    @Test
    void malformedFirstAppliancesAreRefusedNamingTheKey() {
        for (String bad : new String[] {"firstAppliance=", "firstAppliance=x", "firstAppliance=1.5", "firstAppliance=0x10",
            "firstAppliance=99999999999", "firstAppliance=-1", "firstAppliance=65536 redirectPercent=0",
            "appliances=10 firstAppliance=65527 redirectPercent=0"}) {
            refused(bad, "firstAppliance");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrafficSpec.builder().firstAppliance(-6).build());
        assertTrue(e.getMessage().contains("firstAppliance=-6"), e.getMessage());
    }

    @Test
    void appliancesNumberedBeyondTheirPoolsDomainsAreRefusedWhenRedirecting() {
        refused("appliances=2 firstAppliance=3071", "firstAppliance=3071 with appliances=2");
        refused("placement=policy appliances=2 firstAppliance=3071", "firstAppliance");
        assertEquals(3070, TrafficSpec.parse("appliances=2 firstAppliance=3070").firstAppliance(), "ends at 3071, the last pool");
        assertEquals(65535, TrafficSpec.parse("appliances=1 firstAppliance=65535 redirectPercent=0").firstAppliance(),
                "nothing redirected: no pool");
    }

    @Test
    void moreAppliancesThanTheirPoolsHaveDomainsForAreRefusedWhenRedirecting() {
        refused("appliances=3073 redirectPercent=50", "appliances");
        assertEquals(3073, TrafficSpec.parse("appliances=3073 redirectPercent=0").appliances(), "nothing redirected");
    }
}
