package org.fcredirect.storage.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.follow.GuardedOrder.Admission;
import org.fcredirect.storage.follow.GuardedOrder.Verdict;
import org.junit.jupiter.api.Test;

class GuardedOrderTest {
    private static final long ME = 1;
    private static final long OTHER = 2;
    private long sequence;

    private StoredEvent event(String type) {
        return StoredEvent.of(++sequence, 0, "s", type, new byte[] {1});
    }

    private StoredEvent guard(String writer, long instance, long change, long base, int count) {
        return StoredEvent.of(++sequence, 0, "s", ChangeGuard.TYPE,
                new ChangeGuard(writer, instance, change, base, count).encode());
    }

    private final GuardedOrder order = new GuardedOrder(ME, 0, "part"::equals);

    @Test
    void appliesAChangeDecidedOnTheLatestState() {
        assertEquals(Admission.APPLY, order.admit(event("x")));
        assertEquals(Admission.GUARD, order.admit(guard("a", ME, 1, 1, 2)));
        assertFalse(order.idle());
        assertEquals(Admission.APPLY, order.admit(event("x")));
        assertEquals(Admission.APPLY, order.admit(event("x")));
        assertTrue(order.idle());
        assertEquals(4, order.lastApplied());
        assertEquals(new Verdict(true, 2, "a"), order.verdict(1).orElseThrow());
        assertTrue(order.verdict(1).isEmpty(), "given out once");
    }

    @Test
    void refusesTheLaterOfTwoChangesDecidedOnTheSameState() {
        order.admit(guard("b", OTHER, 9, 0, 1));
        order.admit(event("x"));
        assertEquals(Admission.GUARD, order.admit(guard("a", ME, 1, 0, 2)));
        assertEquals(Admission.REJECTED, order.admit(event("x")));
        assertEquals(Admission.REJECTED, order.admit(event("x")));
        assertTrue(order.idle());
        assertEquals(2, order.lastApplied(), "a lost change moves nothing");
        assertEquals(new Verdict(false, 3, "b"), order.verdict(1).orElseThrow());
        assertEquals(Admission.GUARD, order.admit(guard("a", ME, 2, 5, 1)), "decided again after the loss");
        assertEquals(Admission.APPLY, order.admit(event("x")));
        assertTrue(order.verdict(2).orElseThrow().accepted());
    }

    @Test
    void aLostChangeDoesNotMakeTheNextOneLose() {
        order.admit(guard("b", OTHER, 1, 0, 1));
        order.admit(event("x"));
        order.admit(guard("c", 3, 1, 0, 1));
        order.admit(event("x"));
        assertEquals(Admission.GUARD, order.admit(guard("a", ME, 1, 2, 1)), "base 2 saw b's change; c's lost");
        assertEquals(Admission.APPLY, order.admit(event("x")));
        assertTrue(order.verdict(1).orElseThrow().accepted());
    }

    @Test
    void inertEventsNeitherChangeTheStateNorMoveTheBase() {
        assertEquals(Admission.APPLY, order.admit(event("part")));
        assertEquals(Admission.GUARD, order.admit(guard("a", ME, 1, 0, 1)));
        assertEquals(Admission.APPLY, order.admit(event("commit")));
        assertTrue(order.verdict(1).orElseThrow().accepted());
    }

    @Test
    void anUnguardedEventNamesItselfAsTheWinner() {
        order.admit(event("login"));
        order.admit(guard("a", ME, 1, 0, 1));
        assertEquals(new Verdict(false, 2, "an unguarded change"), order.verdict(1).orElseThrow());
    }

    @Test
    void everyNodeDecidesAlike() {
        List<StoredEvent> log = new ArrayList<>();
        log.add(guard("a", ME, 1, 0, 1));
        log.add(event("x"));
        log.add(guard("b", OTHER, 1, 0, 1));
        log.add(event("x"));
        log.add(event("login"));
        log.add(guard("b", OTHER, 2, 2, 1));
        log.add(event("x"));
        GuardedOrder mine = new GuardedOrder(ME, 0, t -> false);
        GuardedOrder theirs = new GuardedOrder(OTHER, 0, t -> false);
        for (StoredEvent e : log) {
            assertEquals(mine.admit(e), theirs.admit(e), "at " + e.sequence());
        }
        assertEquals(mine.lastApplied(), theirs.lastApplied());
        assertFalse(theirs.verdict(2).orElseThrow().accepted(), "a login came between");
    }
}
