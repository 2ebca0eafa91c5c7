package org.fcredirect.fastpath.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FlowLegsTest {

    private static List<Long> removed(FlowLegs legs, long flow) {
        List<Long> keys = new ArrayList<>();
        legs.remove(flow, (f, key, lun) -> {
            assertEquals(flow, f);
            keys.add(key);
            keys.add(lun);
        });
        return keys;
    }

    @Test
    void removingAFlowHandsBackEveryLegItHeldAndForgetsIt() {
        FlowLegs legs = new FlowLegs();
        legs.add(7, 100, RuleTable.ANY_LUN);
        legs.add(7, 101, 3);
        legs.add(8, 200, RuleTable.ANY_LUN);

        assertEquals(List.of(101L, 3L, 100L, RuleTable.ANY_LUN), removed(legs, 7));
        assertFalse(legs.remove(7, (f, k, l) -> { }));
        assertEquals(List.of(200L, RuleTable.ANY_LUN), removed(legs, 8));
        assertEquals(0, legs.flowCount());
    }

    @Test
    void manyFlowsAddedAndRemovedInAnyOrderKeepTheirOwnLegs() {
        FlowLegs legs = new FlowLegs();
        Map<Long, Set<Long>> expected = new HashMap<>();
        Random random = new Random(42);
        for (int round = 0; round < 200_000; round++) {
            long flow = random.nextInt(20_000) * 0x10001L;
            if (random.nextInt(3) == 0) {
                Set<Long> got = new HashSet<>();
                boolean had = legs.remove(flow, (f, key, lun) -> got.add(key));
                Set<Long> want = expected.remove(flow);
                assertEquals(want != null, had);
                assertEquals(want == null ? Set.of() : want, got);
            } else {
                long key = flow * 31 + random.nextInt(4);
                if (expected.computeIfAbsent(flow, f -> new HashSet<>()).add(key)) {
                    legs.add(flow, key, RuleTable.ANY_LUN);
                }
            }
        }
        assertEquals(expected.size(), legs.flowCount());
        Map<Long, Set<Long>> seen = new HashMap<>();
        legs.forEach((flow, key, lun) -> assertTrue(seen.computeIfAbsent(flow, f -> new HashSet<>()).add(key)));
        assertEquals(expected, seen);
    }

    @Test
    void legsNarrowedToALunAmongManyForEveryLunKeepTheirLunsAsTheRowsGrow() {
        FlowLegs legs = new FlowLegs();
        for (long f = 1; f <= 100; f++) {
            legs.add(f, f, RuleTable.ANY_LUN);
        }
        legs.add(50, 5000, 7);
        for (long f = 101; f <= 1000; f++) {
            legs.add(f, f, f % 10 == 0 ? f : RuleTable.ANY_LUN);
        }
        assertEquals(List.of(5000L, 7L, 50L, RuleTable.ANY_LUN), removed(legs, 50));
        assertEquals(List.of(99L, RuleTable.ANY_LUN), removed(legs, 99));
        assertEquals(List.of(990L, 990L), removed(legs, 990));
        assertEquals(List.of(991L, RuleTable.ANY_LUN), removed(legs, 991));
    }

    @Test
    void clearForgetsEverything() {
        FlowLegs legs = new FlowLegs();
        for (long f = 1; f <= 1000; f++) {
            legs.add(f, f, RuleTable.ANY_LUN);
        }
        legs.clear();
        assertEquals(0, legs.flowCount());
        legs.forEach((flow, key, lun) -> { throw new AssertionError("leg left: " + flow); });
        legs.add(5, 9, RuleTable.ANY_LUN);
        assertEquals(List.of(9L, RuleTable.ANY_LUN), removed(legs, 5));
    }
}
