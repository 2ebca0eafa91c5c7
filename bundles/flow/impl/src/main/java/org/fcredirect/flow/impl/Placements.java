package org.fcredirect.flow.impl;

import org.fcredirect.flow.api.TargetAffinity;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.flow.api.FlowSpec;
import org.fcredirect.flow.impl.FlowChange.FlowsDecided;
import org.fcredirect.flow.impl.FlowChange.FlowsMoved;
import org.fcredirect.flow.impl.FlowChange.Move;
import org.fcredirect.flow.impl.FlowChange.Placement;
import org.fcredirect.flow.impl.FlowChange.Redecision;
import org.fcredirect.policy.api.Decision;
import org.fcredirect.policy.api.FlowContext;
import org.fcredirect.policy.api.PolicyService;

/**
 * Decides flows and places them on appliances. A flow whose spec names an appliance is redirected
 * there; otherwise the policy engine decides, or the default action while there is none. Where a
 * redirected flow runs: its home appliance while that is usable; else, in standby mode, another
 * usable member of its group, the same for every flow of one target (rendezvous hashing on the
 * target, so target affinity survives a failover); else nowhere, and its state says why. An
 * appliance whose pool has no room for the flow's VT and VI counts as unusable for it; when no
 * other member has room either, the flow waits on its home for a free address.
 */
final class Placements {
    private final FlowModel model;
    private final Supplier<PolicyService> policy;
    private final Supplier<FlowSettings> settings;

    Placements(FlowModel model, Supplier<PolicyService> policy, Supplier<FlowSettings> settings) {
        this.model = model;
        this.policy = policy;
        this.settings = settings;
    }

    /** The placement of a new flow; reserves load on its appliance for the rest of the change. */
    Placement decide(FlowSpec spec) {
        FailoverMode specFailover = spec.failover().orElse(null);
        Placement p;
        if (spec.appliance().isPresent()) {
            Appliance a = model.appliances().get(spec.appliance().get()).orElseThrow();
            FailoverMode failover = specFailover != null ? specFailover : settings.get().defaultFailover();
            String current = place(spec.vsan().value(), spec.target().value(), spec.initiator().value(), a.name(),
                    a.group(), failover, null);
            p = new Placement(FlowAction.REDIRECT, null, a.group(), a.name(), failover, current);
        } else {
            p = fromPolicy(spec, specFailover, null, null, null);
        }
        model.reserve(p.current());
        return p;
    }

    /**
     * The placement of a flow decided by the policies, decided again; null when it is unchanged.
     * A redirect that stays in the same group keeps its home appliance while that is usable, so
     * deciding again never moves flows for nothing.
     */
    Placement redecide(int slot) {
        FlowColumns c = model.flows.c;
        if (c.explicit[slot] != NameTable.NONE) {
            return null;
        }
        String group = model.names.name(c.group[slot]);
        String home = model.names.name(c.home[slot]);
        String current = model.names.name(c.current[slot]);
        Placement next = fromPolicy(model.spec(slot), WireCodes.failover(c.specFailover[slot]), group, home, current);
        Placement now = new Placement(model.action(slot), model.names.name(c.policy[slot]), group, home,
                model.failover(slot), current);
        return next.equals(now) ? null : next;
    }

    private Placement fromPolicy(FlowSpec spec, FailoverMode specFailover, String oldGroup, String oldHome,
            String oldCurrent) {
        PolicyService engine = policy.get();
        Decision d = engine == null ? Decision.noMatch(settings.get().defaultAction())
                : engine.evaluate(FlowContext.of(spec));
        String policyName = d.policy().orElse(null);
        if (d.action() != FlowAction.REDIRECT) {
            FailoverMode failover = specFailover != null ? specFailover : settings.get().defaultFailover();
            return new Placement(d.action(), policyName, null, null, failover, null);
        }
        String group = d.group().orElseThrow();
        int vsan = spec.vsan().value();
        boolean sameGroup = group.equals(oldGroup);
        String home = sameGroup && model.appliances().usable(oldHome, vsan) ? oldHome : d.appliance().orElse(null);
        FailoverMode failover = specFailover != null ? specFailover
                : d.failover().orElse(settings.get().defaultFailover());
        String current = place(vsan, spec.target().value(), spec.initiator().value(), home, group, failover,
                sameGroup ? oldCurrent : null);
        return new Placement(FlowAction.REDIRECT, policyName, group, home, failover, current);
    }

    /** Where a redirected flow runs now, given its home, group, failover mode and where it runs. */
    String place(int vsan, long target, long host, String home, String group, FailoverMode failover, String current) {
        ApplianceRegistry appliances = model.appliances();
        PoolAllocations pools = model.pools;
        boolean currentIsStandby = current != null && !current.equals(home) && appliances.usable(current, vsan)
                && pools.hasRoom(current, vsan, target, host)
                && appliances.get(current).map(Appliance::group).filter(group::equals).isPresent();
        if (home != null && appliances.usable(home, vsan) && pools.hasRoom(home, vsan, target, host)) {
            return currentIsStandby && !settings.get().failback() ? current : home;
        }
        if (failover == FailoverMode.STANDBY) {
            if (currentIsStandby) {
                return current;
            }
            List<Appliance> members = new ArrayList<>(appliances.usableMembers(group, vsan));
            members.removeIf(a -> !pools.hasRoom(a.name(), vsan, target, host));
            String standby = TargetAffinity.choose(members, vsan, target);
            if (standby != null) {
                return standby;
            }
        }
        return home;
    }

    /** Where the flow in a slot should run now; equal to its current appliance when nothing changes. */
    String place(int slot) {
        FlowColumns c = model.flows.c;
        return place(c.vsan[slot], c.target[slot], c.initiator[slot], model.names.name(c.home[slot]),
                model.names.name(c.group[slot]),
                model.failover(slot), model.names.name(c.current[slot]));
    }

    boolean currentDiffers(int slot, String desired) {
        return !Objects.equals(model.names.name(model.flows.c.current[slot]), desired);
    }

    /** New decisions for the policy-decided flows that {@code which} selects, where they changed. */
    List<FlowChange> redecide(IntPredicate which, long micros) {
        if (policy.get() == null) {
            return List.of();
        }
        List<Redecision> changed = new ArrayList<>();
        FlowColumns c = model.flows.c;
        model.flows.forEachLive(s -> {
            if (c.explicit[s] == NameTable.NONE && which.test(s)) {
                FlowChange.Placement p = redecide(s);
                if (p != null) {
                    changed.add(new Redecision(c.id[s], p));
                }
            }
        });
        return changed.isEmpty() ? List.of() : List.of(new FlowsDecided(micros, changed));
    }

    /**
     * Puts the redirected flows of a group (or of all groups) where they should run now: failover
     * to a standby, failback home, a decision for flows whose group had no appliance to offer.
     */
    List<FlowChange> reconcile(String group, long micros) {
        int g = group == null ? NameTable.NONE : model.names.find(group);
        if (group != null && g == NameTable.NONE) {
            return List.of();
        }
        FlowColumns c = model.flows.c;
        byte redirect = WireCodes.code(FlowAction.REDIRECT);
        List<Move> moves = new ArrayList<>();
        BitSet homeless = new BitSet();
        model.flows.forEachLive(s -> {
            if (c.action[s] != redirect || group != null && c.group[s] != g) {
                return;
            }
            if (c.explicit[s] == NameTable.NONE && c.home[s] == NameTable.NONE && policy.get() != null) {
                homeless.set(s);
                return;
            }
            String desired = place(s);
            if (currentDiffers(s, desired)) {
                moves.add(new Move(c.id[s], desired));
            }
        });
        List<FlowChange> changes = new ArrayList<>(2);
        if (!moves.isEmpty()) {
            changes.add(new FlowsMoved(micros, moves));
        }
        if (!homeless.isEmpty()) {
            changes.addAll(redecide(homeless::get, micros));
        }
        return changes;
    }
}
