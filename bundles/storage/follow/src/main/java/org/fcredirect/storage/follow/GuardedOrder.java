package org.fcredirect.storage.follow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.follow.ChangeGuard.Guarded;

/**
 * Decides, from the log alone, which events of a stream apply: the same answer on every node and
 * in every replay. An event without a guard applies (older logs, and facts a node observed, like
 * logins learned from the wire). A guarded change ({@link ChangeGuard}) applies only when no
 * applied event of the stream lies after its writer's base; otherwise it is skipped everywhere and
 * its writer decides it again on the newer state. Events of an {@code inert} type (a large
 * change's parts, inert until their commit) neither change the state nor move the base.
 *
 * <p>Optimistic guards alone let a slower node starve: while a faster one keeps storing changes,
 * each of the slower node's changes lands after one of them and loses. So the order also tells
 * ({@link #starvingLoss}) when another run's changes lost {@value #STARVING_LOSSES} times in a row:
 * this node then holds its next change back until that run's change got through, for a moment at
 * most ({@link StreamFollower#yieldTo}), and the loser's next try finds the log quiet.
 *
 * <p>Not thread-safe: used by the one thread that applies the stream at a time.
 */
public final class GuardedOrder {
    /**
     * What an event brings: the events to apply (itself, or a guarded change's), or those of a
     * change that lost, for the service to drop what they refer to.
     */
    public record Admitted(boolean applies, List<StoredEvent> events) {
    }

    /** The outcome of one of this writer's own changes. */
    public record Verdict(boolean accepted, long sequence, String winner) {
    }

    private static final String UNGUARDED = "an unguarded change";
    static final int STARVING_LOSSES = 2;
    private final long instance;
    private final Predicate<String> inert;
    private final Map<Long, Verdict> verdicts = new HashMap<>();
    /** Other runs' changes lost in a row since their last accepted one. */
    private final Map<Long, Integer> lossesInARow = new HashMap<>();
    /** The sequence of the last loss of each other run that lost {@value #STARVING_LOSSES} times in a row or more. */
    private final Map<Long, Long> starving = new HashMap<>();
    private long lastApplied;
    private String lastAppliedBy = UNGUARDED;

    /**
     * @param instance this writer's run, to record the verdicts of its own changes
     * @param lastApplied the sequence of the last applied event, from a snapshot; 0 for none
     */
    public GuardedOrder(long instance, long lastApplied, Predicate<String> inert) {
        this.instance = instance;
        this.lastApplied = lastApplied;
        this.inert = inert;
    }

    /** @throws IllegalArgumentException for a guarded change that cannot be read */
    public Admitted admit(StoredEvent e) {
        if (!ChangeGuard.TYPE.equals(e.type())) {
            if (!inert.test(e.type())) {
                lastApplied = e.sequence();
                lastAppliedBy = UNGUARDED;
            }
            return new Admitted(true, List.of(e));
        }
        Guarded g = ChangeGuard.decode(e.payload());
        boolean accepted = lastApplied <= g.guard().base();
        if (g.guard().instance() == instance) {
            verdicts.put(g.guard().change(), new Verdict(accepted, e.sequence(),
                    accepted ? g.guard().writer() : lastAppliedBy));
        }
        if (accepted) {
            lastApplied = e.sequence();
            lastAppliedBy = g.guard().writer();
            lossesInARow.remove(g.guard().instance());
            starving.remove(g.guard().instance());
        } else if (g.guard().instance() != instance
                && lossesInARow.merge(g.guard().instance(), 1, Integer::sum) >= STARVING_LOSSES) {
            starving.put(g.guard().instance(), e.sequence());
        }
        List<StoredEvent> inner = g.events().stream()
                .map(x -> StoredEvent.adopt(e.sequence(), e.timestampMicros(), e.stream(), x.type(), x.payload())).toList();
        return new Admitted(accepted, inner);
    }

    /** The outcome of this writer's change, once it was admitted; each is given out once. */
    public Optional<Verdict> verdict(long change) {
        return Optional.ofNullable(verdicts.remove(change));
    }

    /**
     * The sequence of the latest loss of another run whose changes lost {@value #STARVING_LOSSES}
     * or more times in a row and none got through since; 0 for none. Its next try should find no
     * new change of this run before it.
     */
    public long starvingLoss() {
        return starving.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** The sequence of the last event that changed the state; goes into snapshots. */
    public long lastApplied() {
        return lastApplied;
    }
}
