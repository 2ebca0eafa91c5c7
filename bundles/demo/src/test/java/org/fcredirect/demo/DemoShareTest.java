package org.fcredirect.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.fcredirect.traffic.api.TrafficSpec;
import org.junit.jupiter.api.Test;

class DemoShareTest {
    private static final TrafficSpec DEMO = TrafficSpec.parse(DemoTraffic.DEFAULT_TRAFFIC);

    @Test
    void twoNodesEachRunHalfTheVsansAndHalfTheRate() {
        TrafficSpec first = DemoShare.parse("1/2").apply(DEMO);
        TrafficSpec second = DemoShare.parse(" 2 / 2 ").apply(DEMO);
        assertEquals(List.of(100, 2, 2500L), List.of(first.firstVsan(), first.vsans(), first.framesPerSecond()));
        assertEquals(List.of(102, 2, 2500L), List.of(second.firstVsan(), second.vsans(), second.framesPerSecond()));
        assertEquals(DEMO.flows(), first.flows() + second.flows());
        assertEquals(DEMO.initiatorsPerVsan(), first.initiatorsPerVsan());
    }

    /** The appliances are the fabric's: two nodes whose generators named them alike refused each other's. */
    @Test
    void twoSharesOwnDisjointAppliancesAndVsansAndTheWholeDemoKeepsItsNames() {
        TrafficSpec first = DemoShare.parse("1/2").apply(DEMO);
        TrafficSpec second = DemoShare.parse("2/2").apply(DEMO);
        assertEquals(List.of("trafgen-0", "trafgen-1", "trafgen-2", "trafgen-3", "trafgen-4", "trafgen-5"),
                applianceNames(first));
        assertEquals(List.of("trafgen-6", "trafgen-7", "trafgen-8", "trafgen-9", "trafgen-10", "trafgen-11"),
                applianceNames(second));
        assertEquals(List.of(DEMO.appliances(), DEMO.groups()), List.of(second.appliances(), second.groups()),
                "every share has appliances of every group its VSANs' policies use");
        assertEquals(0, DemoShare.ALL.apply(DEMO).firstAppliance(), "one node: trafgen-0.. as ever");

        Set<String> names = new HashSet<>();
        Set<Integer> vsans = new HashSet<>();
        for (int k = 1; k <= 3; k++) {
            TrafficSpec part = DemoShare.parse(k + "/3").apply(DEMO);
            for (String name : applianceNames(part)) {
                assertTrue(names.add(name), name + " belongs to two shares");
            }
            for (int v = part.firstVsan(); v < part.firstVsan() + part.vsans(); v++) {
                assertTrue(vsans.add(v), "VSAN " + v + " belongs to two shares");
            }
        }
        assertEquals(3 * DEMO.appliances(), names.size());
    }

    /** The names {@link TrafficSpec} documents for a run's appliances: trafgen-N from firstAppliance on. */
    private static List<String> applianceNames(TrafficSpec spec) {
        List<String> names = new ArrayList<>();
        for (int a = 0; a < spec.appliances(); a++) {
            names.add("trafgen-" + (spec.firstAppliance() + a));
        }
        return names;
    }

    @Test
    void sharesCoverEveryVsanOnceWhenTheyDoNotDivideEvenly() {
        int covered = 0;
        int next = DEMO.firstVsan();
        for (int k = 1; k <= 3; k++) {
            TrafficSpec part = DemoShare.parse(k + "/3").apply(DEMO);
            assertEquals(next, part.firstVsan());
            next += part.vsans();
            covered += part.vsans();
        }
        assertEquals(DEMO.vsans(), covered);
        assertSame(DEMO, DemoShare.ALL.apply(DEMO));
        assertEquals(DemoShare.ALL, DemoShare.parse("1/1"));
    }

    @Test
    void malformedSharesAreRefusedWithTheRule() {
        for (String bad : new String[] {null, "", "1", "/2", "1/", "a/2", "1/b", "1.5/2", "0/2", "3/2", "-1/2", "1/0",
                "1/65", "1/2/3"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DemoShare.parse(bad));
            assertTrue(e.getMessage().startsWith("demo share '" + bad + "'"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DemoShare.parse("1/5").apply(DEMO));
        assertTrue(e.getMessage().contains("has 4 VSANs, fewer than the 5 nodes"), e.getMessage());
        TrafficSpec manyAppliances = TrafficSpec.parse("vsans=2 appliances=2000 placement=policy");
        e = assertThrows(IllegalArgumentException.class, () -> DemoShare.parse("2/2").apply(manyAppliances));
        assertTrue(e.getMessage().startsWith("demo share 2/2: traffic setting firstAppliance=2000"), e.getMessage());
    }
}
