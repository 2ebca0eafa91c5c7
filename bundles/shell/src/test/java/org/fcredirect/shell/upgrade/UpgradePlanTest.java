package org.fcredirect.shell.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fcredirect.shell.upgrade.UpgradePlan.Action;
import org.fcredirect.shell.upgrade.UpgradePlan.Offered;
import org.junit.jupiter.api.Test;

class UpgradePlanTest {
    private static final Map<String, String> INSTALLED = Map.of("org.fcredirect.stats-api", "1.0.0",
            "org.fcredirect.stats-impl", "1.0.0", "org.fcredirect.fastpath-api", "1.0.0", UpgradePlan.FAST_PATH, "1.0.0");
    /** The fast path imports the fast path API; nothing imports an impl bundle. */
    private static final Map<String, Set<String>> WIRED_TO = Map.of("org.fcredirect.fastpath-api",
            Set.of(UpgradePlan.FAST_PATH, "org.fcredirect.stats-impl"));

    private static Set<String> closure(Set<String> updated) {
        Set<String> all = new TreeSet<>(updated);
        updated.forEach(u -> all.addAll(WIRED_TO.getOrDefault(u, Set.of())));
        return all;
    }

    @Test
    void anImplUpdateTouchesOnlyItself() {
        UpgradePlan plan = UpgradePlan.of(List.of(new Offered("org.fcredirect.stats-api", "1.0.0"),
                new Offered("org.fcredirect.stats-impl", "1.0.1"), new Offered("org.hdrhistogram.HdrHistogram", "2.2.2")),
                INSTALLED, UpgradePlanTest::closure);
        assertEquals(List.of(Action.UNCHANGED, Action.UPDATE, Action.INSTALL),
                plan.steps().stream().map(UpgradePlan.Step::action).toList());
        assertEquals("1.0.0", plan.steps().get(1).installed());
        assertTrue(plan.refreshed().isEmpty());
        assertFalse(plan.touchesFastPath());
    }

    @Test
    void anApiUpdateRefreshesItsImportersAndWarnsForTheFastPath() {
        UpgradePlan plan = UpgradePlan.of(List.of(new Offered("org.fcredirect.fastpath-api", "1.1.0")), INSTALLED,
                UpgradePlanTest::closure);
        assertEquals(Set.of(UpgradePlan.FAST_PATH, "org.fcredirect.stats-impl"), plan.refreshed());
        assertTrue(plan.touchesFastPath());
    }

    @Test
    void nothingNewIsNoChange() {
        UpgradePlan plan = UpgradePlan.of(List.of(new Offered(UpgradePlan.FAST_PATH, "1.0.0")), INSTALLED,
                updated -> {
                    throw new AssertionError("no closure without an update");
                });
        assertEquals(Action.UNCHANGED, plan.steps().get(0).action());
        assertFalse(plan.touchesFastPath());
    }
}
