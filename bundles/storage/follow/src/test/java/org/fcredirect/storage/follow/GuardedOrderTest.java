package org.fcredirect.storage.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.follow.ChangeGuard.Inner;
import org.fcredirect.storage.follow.GuardedOrder.Admitted;
import org.fcredirect.storage.follow.GuardedOrder.Verdict;
import org.junit.jupiter.api.Test;

class GuardedOrderTest {
    private static final long ME = 1;
    private static final long OTHER = 2;
    private long sequence;
    private final GuardedOrder order = new GuardedOrder(ME, 0, "part"::equals);

    private StoredEvent event(String type) {
        return StoredEvent.of(++sequence, 0, "s", type, new byte[] {1});
    }

    private StoredEvent change(String writer, long instance, long change, long base, String... types) {
        List<Inner> inner = java.util.Arrays.stream(types).map(t -> new Inner(t, new byte[] {2})).toList();
        return StoredEvent.of(++sequence, 7, "s", ChangeGuard.TYPE,
                new ChangeGuard(writer, instance, change, base).wrap("s", inner).payload());
    }

    @Test
    void appliesAChangeDecidedOnTheLatestStateWithItsEvents() {
        order.admit(event("x"));
        Admitted a = order.admit(change("a", ME, 1, 1, "x", "y"));
        assertTrue(a.applies());
        assertEquals(List.of("x", "y"), a.events().stream().map(StoredEvent::type).toList());
        assertEquals(List.of(2L, 2L), a.events().stream().map(StoredEvent::sequence).toList());
        assertEquals(2, order.lastApplied());
        assertEquals(new Verdict(true, 2, "a"), order.verdict(1).orElseThrow());
        assertTrue(order.verdict(1).isEmpty(), "given out once");
    }

    @Test
    void refusesTheLaterOfTwoChangesDecidedOnTheSameState() {
        assertTrue(order.admit(change("b", OTHER, 9, 0, "x")).applies());
        Admitted lost = order.admit(change("a", ME, 1, 0, "x"));
        assertFalse(lost.applies());
        assertEquals(1, lost.events().size(), "its events, to drop what they refer to");
        assertEquals(1, order.lastApplied(), "a lost change moves nothing");
        assertEquals(new Verdict(false, 2, "b"), order.verdict(1).orElseThrow());
        assertTrue(order.admit(change("a", ME, 2, 2, "x")).applies(), "decided again after the loss");
        assertTrue(order.verdict(2).orElseThrow().accepted());
    }

    @Test
    void aLostChangeDoesNotMakeTheNextOneLose() {
        order.admit(change("b", OTHER, 1, 0, "x"));
        order.admit(change("c", 3, 1, 0, "x"));
        assertTrue(order.admit(change("a", ME, 1, 1, "x")).applies(), "base 1 saw b's change; c's lost");
    }

    @Test
    void inertEventsNeitherChangeTheStateNorMoveTheBase() {
        assertTrue(order.admit(event("part")).applies());
        assertTrue(order.admit(change("a", ME, 1, 0, "commit")).applies());
    }

    @Test
    void anUnguardedEventAppliesAndNamesItselfAsTheWinner() {
        assertTrue(order.admit(event("login")).applies());
        order.admit(change("a", ME, 1, 0, "x"));
        assertEquals(new Verdict(false, 2, "an unguarded change"), order.verdict(1).orElseThrow());
    }

    @Test
    void everyNodeDecidesAlike() {
        List<StoredEvent> log = List.of(change("a", ME, 1, 0, "x"), change("b", OTHER, 1, 0, "x"), event("login"),
                change("b", OTHER, 2, 2, "x"), change("a", ME, 2, 3, "x"));
        GuardedOrder mine = new GuardedOrder(ME, 0, t -> false);
        GuardedOrder theirs = new GuardedOrder(OTHER, 0, t -> false);
        for (StoredEvent e : log) {
            assertEquals(mine.admit(e).applies(), theirs.admit(e).applies(), "at " + e.sequence());
        }
        assertEquals(mine.lastApplied(), theirs.lastApplied());
        assertFalse(theirs.verdict(2).orElseThrow().accepted(), "a login came between");
        assertTrue(mine.verdict(2).orElseThrow().accepted());
    }

    @Test
    void anotherRunLosingTwiceInARowIsStarvingUntilItsChangeGetsThrough() {
        assertTrue(order.admit(change("a", ME, 1, 0, "x")).applies());
        assertFalse(order.admit(change("b", OTHER, 1, 0, "x")).applies());
        assertEquals(0, order.starvingLoss(), "one loss is a race, not starvation");
        assertTrue(order.admit(change("a", ME, 2, 1, "x")).applies());
        assertFalse(order.admit(change("b", OTHER, 2, 1, "x")).applies());
        assertEquals(4, order.starvingLoss());
        assertTrue(order.admit(change("a", ME, 3, 3, "x")).applies(), "a change of this node decided before");
        assertEquals(4, order.starvingLoss(), "still starving: only its own change ends it");
        assertFalse(order.admit(change("b", OTHER, 3, 3, "x")).applies());
        assertEquals(6, order.starvingLoss(), "its latest loss");
        assertTrue(order.admit(change("b", OTHER, 4, 5, "x")).applies());
        assertEquals(0, order.starvingLoss(), "its try got through");
        assertTrue(order.admit(change("a", ME, 4, 7, "x")).applies());
        assertFalse(order.admit(change("b", OTHER, 5, 7, "x")).applies());
        assertEquals(0, order.starvingLoss(), "its count started again when it won");
    }

    @Test
    void thisRunsOwnLossesAreNoStarvation() {
        order.admit(change("b", OTHER, 1, 0, "x"));
        order.admit(change("a", ME, 1, 0, "x"));
        order.admit(change("b", OTHER, 2, 1, "x"));
        order.admit(change("a", ME, 2, 1, "x"));
        assertEquals(0, order.starvingLoss());
    }
}
