package org.fcredirect.policy.impl;

import static org.fcredirect.policy.impl.Policies.host;
import static org.fcredirect.policy.impl.Policies.policy;
import static org.fcredirect.policy.impl.Policies.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fcredirect.flow.testkit.FakeInventory;
import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.flow.api.NotFoundException;
import org.fcredirect.flow.api.NotStoredException;
import org.fcredirect.flow.api.ValidationException;
import org.fcredirect.policy.api.Policy;
import org.fcredirect.policy.api.PolicyEvent;
import org.fcredirect.storage.testkit.InMemoryEventLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Adding, updating and removing policies: validation, durability, listeners, restart. */
class PolicyChangeTest {
    private final InMemoryEventLog log = new InMemoryEventLog();
    private final FakeInventory inventory = new FakeInventory().with("a1", "enc", 1, 10);
    private PolicyManager engine = new PolicyManager(log, inventory, PolicySettings.DEFAULTS);

    private ValidationException refused(String field, Executable bad) {
        int events = log.events().size();
        List<Policy> before = engine.list();
        ValidationException e = assertThrows(ValidationException.class, bad);
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(events, log.events().size());
        assertEquals(before, engine.list());
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a LUN range that is empty                 | lun       | name=p lun=9-3 action=permit",
        "a prefix of a reserved NAA type           | initiator | name=p initiator=00:11:* action=permit",
        "the same exact port as both ends          | target    | name=p initiator=20:00:00:25:b5:00:00:01 target=20:00:00:25:b5:00:00:01 action=permit",
        "no action                                 | action    | name=p",
        "an unknown action                         | action    | name=p action=encrypt",
        "a redirect without a group                | group     | name=p action=redirect",
        "a group on a permit                       | group     | name=p action=permit group=g",
        "balancing on a drop                       | balancing | name=p action=drop balancing=round-robin",
        "an unknown balancing                      | balancing | name=p action=redirect group=g balancing=random",
        "a priority out of range                   | priority  | name=p priority=70000 action=permit",
        "a VSAN out of range                       | vsan      | name=p vsan=10,5000 action=permit",
        "a malformed prefix                        | target    | name=p target=50:0* action=permit",
        "a bad name                                | name      | name=-p action=permit",
        "an unknown field                          | colour    | name=p colour=red action=permit"})
    void aPolicyThatCannotMatchOrIsMalformedIsRefused(String what, String field, String text) {
        assertEquals(field, assertThrows(ValidationException.class, () -> policy(text), what).field());
    }

    @Test
    void aPolicyThatOverlapsAnotherAtTheSamePriorityIsRefused() {
        engine.add(policy("name=a priority=10 vsan=10 initiator=20:00:00:25:b5:* action=drop"));
        ValidationException e = refused("priority", () -> engine.add(policy(
                "name=b priority=10 initiator=20:00:00:25:b5:00:* action=permit")));
        assertTrue(e.getMessage().contains("policy a"), e.getMessage());
        engine.add(policy("name=c priority=10 vsan=20 action=permit"));
        engine.add(policy("name=d priority=10 vsan=10 initiator=21:* action=permit"));
        engine.add(policy("name=e priority=11 initiator=20:00:00:25:b5:00:* action=permit"));
        refused("priority", () -> engine.update(policy("name=e priority=10 action=permit")));
    }

    @Test
    void namesAreUniqueAndUnknownOnesAreNotFound() {
        engine.add(policy("name=a action=drop"));
        refused("name", () -> engine.add(policy("name=a priority=5 action=permit")));
        assertTrue(refused("name", () -> engine.update(policy("name=zz action=permit"))) instanceof NotFoundException);
        assertTrue(refused("name", () -> engine.remove("zz")) instanceof NotFoundException);
    }

    @Test
    void listenersHearOfEachChangeAfterItIsStored() {
        List<PolicyEvent> events = new ArrayList<>();
        engine.addListener(e -> {
            assertEquals(events.size() + 1, log.events().size(), "the change is stored before listeners hear of it");
            events.add(e);
        });
        Policy a = policy("name=a action=drop");
        Policy a2 = policy("name=a action=permit");
        engine.add(a);
        engine.update(a2);
        engine.update(a2);
        engine.remove("a");
        assertEquals(List.of(new PolicyEvent(PolicyEvent.Type.ADDED, Optional.empty(), Optional.of(a)),
                new PolicyEvent(PolicyEvent.Type.UPDATED, Optional.of(a), Optional.of(a2)),
                new PolicyEvent(PolicyEvent.Type.REMOVED, Optional.of(a2), Optional.empty())), events);
        assertTrue(events.get(1).affects(Policies.context(10, 1, 1)));
    }

    @Test
    void aFailingListenerDoesNotUndoTheChange() {
        engine.addListener(e -> {
            throw new IllegalStateException("listener bug");
        });
        engine.add(policy("name=a action=drop"));
        assertTrue(engine.get("a").isPresent());
    }

    @Test
    void aFailedAppendLeavesThePoliciesAndTheCacheUnchanged() {
        engine.add(policy("name=a target=" + target(1) + " action=drop"));
        engine.evaluate(Policies.context(10, 1, 1));
        log.failAppends(true);
        assertThrows(NotStoredException.class, () -> engine.add(policy("name=b priority=1 action=permit")));
        assertThrows(NotStoredException.class, () -> engine.update(policy("name=a action=permit")));
        assertThrows(NotStoredException.class, () -> engine.remove("a"));
        assertEquals(List.of("a"), engine.list().stream().map(Policy::name).toList());
        assertEquals(0, engine.cacheStatistics().invalidations());
        assertEquals(FlowAction.DROP, engine.evaluate(Policies.context(10, 1, 1)).action());
    }

    @Test
    void aRestartRebuildsThePoliciesWithAndWithoutASnapshot() {
        engine.settings(new PolicySettings(100, 3, FlowAction.PERMIT, 5));
        for (int i = 0; i < 8; i++) {
            engine.add(policy("name=p" + i + " priority=" + i + " initiator=" + host(i) + " action=drop"));
        }
        engine.update(policy("name=p3 priority=3 initiator=" + host(3) + " action=redirect group=enc failover=block"));
        engine.remove("p5");
        List<Policy> before = engine.list();
        assertTrue(log.loadSnapshot(PolicyManager.STREAM).isPresent());
        engine = new PolicyManager(log, inventory, PolicySettings.DEFAULTS);
        assertEquals(before, engine.list());
        log.compact();
        engine = new PolicyManager(log, inventory, PolicySettings.DEFAULTS);
        assertEquals(before, engine.list());
    }

    @Test
    void fieldsRoundTripThroughText() {
        Policy p = policy("name=enc priority=7 vsan=10,20 initiator=20:00:00:25:b5:* target=5006016* lun=0-9"
                + " action=redirect group=g balancing=least-loaded failover=bypass");
        Map<String, String> fields = p.toFields();
        assertEquals("20:00:00:25:b5:*", fields.get("initiator"));
        assertEquals("5006016*", fields.get("target"));
        assertEquals(p, Policy.fromFields(fields));
    }
}
