package org.fcredirect.storage.follow;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.fcredirect.storage.api.StoredEvent;

/**
 * Decides, from the log alone, which events of a stream apply: the same answer on every node and
 * in every replay. An event without a guard applies (older logs, and facts a node observed, like
 * logins learned from the wire). A guarded change applies only when no applied event of the
 * stream lies after its writer's base; otherwise its events are skipped everywhere and its writer
 * decides it again on the newer state. Events of an {@code inert} type (a large change's parts,
 * inert until their commit) neither change the state nor move the base.
 *
 * <p>Not thread-safe: used by the one thread that applies the stream at a time.
 */
public final class GuardedOrder {
    /** What to do with an event. */
    public enum Admission {
        /** Apply it. */
        APPLY,
        /** A guard: nothing to apply. */
        GUARD,
        /** Part of a change that lost: skip it (and drop what it refers to). */
        REJECTED
    }

    /** The outcome of one of this writer's own changes. */
    public record Verdict(boolean accepted, long sequence, String winner) {
    }

    private final long instance;
    private final Predicate<String> inert;
    private final Map<Long, Verdict> verdicts = new HashMap<>();
    private long lastApplied;
    private String lastAppliedBy = "an unguarded change";
    private int remaining;
    private boolean groupAccepted;

    /**
     * @param instance this writer's run, to record the verdicts of its own guards
     * @param lastApplied the sequence of the last applied event, from a snapshot; 0 for none
     */
    public GuardedOrder(long instance, long lastApplied, Predicate<String> inert) {
        this.instance = instance;
        this.lastApplied = lastApplied;
        this.inert = inert;
    }

    /** @throws IllegalArgumentException for a guard that cannot be read */
    public Admission admit(StoredEvent e) {
        if (remaining > 0) {
            remaining--;
            if (!groupAccepted) {
                return Admission.REJECTED;
            }
            lastApplied = e.sequence();
            return Admission.APPLY;
        }
        if (ChangeGuard.TYPE.equals(e.type())) {
            ChangeGuard g = ChangeGuard.decode(e.payload());
            groupAccepted = lastApplied <= g.base();
            remaining = g.count();
            if (g.instance() == instance) {
                verdicts.put(g.change(), new Verdict(groupAccepted, e.sequence(), groupAccepted ? g.writer() : lastAppliedBy));
            }
            if (groupAccepted) {
                lastApplied = e.sequence();
                lastAppliedBy = g.writer();
            }
            return Admission.GUARD;
        }
        if (!inert.test(e.type())) {
            lastApplied = e.sequence();
            lastAppliedBy = "an unguarded change";
        }
        return Admission.APPLY;
    }

    /** The outcome of this writer's change, once its guard was admitted; each is given out once. */
    public Optional<Verdict> verdict(long change) {
        return Optional.ofNullable(verdicts.remove(change));
    }

    /** {@code true} between changes: no guarded change is half admitted, so a snapshot may be taken. */
    public boolean idle() {
        return remaining == 0;
    }

    /** The sequence of the last event that changed the state; goes into snapshots. */
    public long lastApplied() {
        return lastApplied;
    }
}
