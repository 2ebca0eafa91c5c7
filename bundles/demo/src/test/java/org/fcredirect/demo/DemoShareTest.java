package org.fcredirect.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

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
    }
}
