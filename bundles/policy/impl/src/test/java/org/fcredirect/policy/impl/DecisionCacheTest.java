package org.fcredirect.policy.impl;

import static org.fcredirect.policy.impl.Policies.context;
import static org.fcredirect.policy.impl.Policies.policy;
import static org.fcredirect.policy.impl.Policies.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.fcredirect.flow.testkit.FakeInventory;
import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.policy.api.CacheStatistics;
import org.fcredirect.storage.testkit.InMemoryEventLog;
import org.junit.jupiter.api.Test;

/** The decision cache: bounded, counted, and invalidated exactly where a change can matter. */
class DecisionCacheTest {
    private final FakeInventory inventory = new FakeInventory().with("a1", "enc", 1, 10).with("a2", "enc", 1, 10);
    private final PolicyManager engine = new PolicyManager(new InMemoryEventLog(), inventory,
            new PolicySettings(100, 0, FlowAction.PERMIT, 5));

    private CacheStatistics stats() {
        return engine.cacheStatistics();
    }

    @Test
    void aDryRunLeavesTheCacheAndTheTurnsAsTheyWere() {
        engine.add(policy("name=rr action=redirect group=enc balancing=round-robin vsan=10"));
        for (int h = 0; h < 100; h++) {
            engine.evaluate(context(10, h, 1));
        }
        assertEquals(engine.evaluate(context(10, 0, 1)), engine.evaluateDryRun(context(10, 0, 1)));
        CacheStatistics before = stats();
        engine.evaluateDryRun(context(10, 1, 1));
        String predicted = engine.evaluateDryRun(context(10, 500, 1)).appliance().orElseThrow();
        assertEquals(before, stats(), "no hit, miss, insert or eviction");
        assertEquals(predicted, engine.evaluate(context(10, 500, 1)).appliance().orElseThrow(),
                "the dry run took no round-robin turn");
        long hits = stats().hits();
        engine.evaluate(context(10, 2, 1));
        assertEquals(hits + 1, stats().hits());
        long misses = stats().misses();
        engine.evaluate(context(10, 1, 1));
        assertEquals(misses + 1, stats().misses(), "host 1, seen by the dry run only, was the least recently used and went");
    }

    @Test
    void aRepeatedEvaluationIsAHit() {
        engine.evaluate(context(10, 1, 1));
        engine.evaluate(context(10, 1, 1));
        engine.evaluate(context(10, 2, 1));
        assertEquals(new CacheStatistics(1, 2, 0, 0, 2, 100), stats());
        assertEquals(1.0 / 3, stats().hitRatio(), 1e-9);
    }

    @Test
    void theLeastRecentlyUsedEntryIsEvictedAtCapacity() {
        for (int h = 0; h < 100; h++) {
            engine.evaluate(context(10, h, 1));
        }
        engine.evaluate(context(10, 0, 1));
        engine.evaluate(context(10, 100, 1));
        assertEquals(1, stats().evictions());
        assertEquals(100, stats().size());
        long misses = stats().misses();
        engine.evaluate(context(10, 0, 1));
        assertEquals(misses, stats().misses(), "host 0 was used recently and stayed");
        engine.evaluate(context(10, 1, 1));
        assertEquals(misses + 1, stats().misses(), "host 1 was the least recently used and went");
    }

    @Test
    void aNewPolicyInvalidatesOnlyTheContextsItMatches() {
        engine.evaluate(context(10, 1, 1));
        engine.evaluate(context(10, 1, 2));
        engine.evaluate(context(10, 2, 3));
        engine.add(policy("name=p target=" + target(2) + " action=drop"));
        assertEquals(1, stats().invalidations());
        assertEquals(2, stats().size());
        assertEquals(FlowAction.DROP, engine.evaluate(context(10, 1, 2)).action());
        long hits = stats().hits();
        engine.evaluate(context(10, 1, 1));
        assertEquals(hits + 1, stats().hits(), "an unaffected context is still cached");
    }

    @Test
    void anUpdateInvalidatesWhatTheOldAndTheNewMatchAndARemovalWhatTheOldMatched() {
        engine.add(policy("name=p target=" + target(1) + " action=drop"));
        for (int t = 1; t <= 3; t++) {
            engine.evaluate(context(10, 1, t));
        }
        engine.update(policy("name=p target=" + target(2) + " action=drop"));
        assertEquals(2, stats().invalidations());
        assertEquals(FlowAction.PERMIT, engine.evaluate(context(10, 1, 1)).action());
        assertEquals(FlowAction.DROP, engine.evaluate(context(10, 1, 2)).action());
        engine.remove("p");
        assertEquals(3, stats().invalidations());
        assertEquals(FlowAction.PERMIT, engine.evaluate(context(10, 1, 2)).action());
    }

    @Test
    void aChangedInventoryMakesCachedRedirectsStaleButNotOtherDecisions() {
        engine.add(policy("name=enc target=" + target(1) + " action=redirect group=enc"));
        engine.add(policy("name=open target=" + target(2) + " action=permit"));
        String chosen = engine.evaluate(context(10, 1, 1)).appliance().orElseThrow();
        engine.evaluate(context(10, 1, 2));
        inventory.markUnhealthy(chosen, "down");
        long hits = stats().hits();
        assertNotEquals(chosen, engine.evaluate(context(10, 1, 1)).appliance().orElseThrow());
        engine.evaluate(context(10, 1, 2));
        assertEquals(hits + 1, stats().hits(), "only the permit was a hit");
    }

    @Test
    void resizingEvictsDownToTheNewCapacityAndZeroTurnsTheCacheOff() {
        for (int h = 0; h < 50; h++) {
            engine.evaluate(context(10, h, 1));
        }
        engine.settings(new PolicySettings(10, 0, FlowAction.PERMIT, 5));
        assertEquals(10, stats().size());
        assertEquals(40, stats().evictions());
        engine.settings(new PolicySettings(0, 0, FlowAction.PERMIT, 5));
        engine.evaluate(context(10, 1, 1));
        engine.evaluate(context(10, 1, 1));
        assertEquals(0, stats().size());
    }

    @Test
    void changingTheDefaultActionDropsEveryEntry() {
        engine.evaluate(context(10, 1, 1));
        engine.settings(new PolicySettings(100, 0, FlowAction.DROP, 5));
        assertEquals(FlowAction.DROP, engine.evaluate(context(10, 1, 1)).action());
    }
}
