package org.fcredirect.policy.impl;

import org.fcredirect.flow.api.TargetAffinity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.ApplianceInventory;
import org.fcredirect.policy.api.FlowContext;
import org.fcredirect.policy.api.Policy;

/**
 * Picks a redirect's appliance among the healthy members of the policy's group that serve the
 * flow's VSAN, by the policy's balancing strategy.
 */
final class ApplianceChooser {
    private final ApplianceInventory inventory;
    /** Next turn per policy: round robin goes around each policy's group on its own. */
    private final Map<String, AtomicLong> turns = new ConcurrentHashMap<>();

    ApplianceChooser(ApplianceInventory inventory) {
        this.inventory = inventory;
    }

    /** @param takeTurn false to show a round-robin group's next member without moving on */
    Optional<String> choose(Policy p, FlowContext context, boolean takeTurn) {
        String group = p.group().orElseThrow();
        List<Appliance> members = new ArrayList<>();
        for (Appliance a : inventory.list()) {
            if (a.group().equals(group) && a.healthy() && a.serves(context.vsan())) {
                members.add(a);
            }
        }
        if (members.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (p.balancing().orElseThrow()) {
            case TARGET_AFFINITY -> TargetAffinity.choose(members, context.vsan().value(), context.target().value());
            case LEAST_LOADED -> leastLoaded(members);
            case ROUND_ROBIN -> members.get((int) Math.floorMod(turn(p.name(), takeTurn), (long) members.size())).name();
        });
    }

    private long turn(String policy, boolean take) {
        if (take) {
            return turns.computeIfAbsent(policy, k -> new AtomicLong()).getAndIncrement();
        }
        AtomicLong next = turns.get(policy);
        return next == null ? 0 : next.get();
    }

    /** Fewest flows per unit of weight; ties go to the first by name (the inventory lists by name). */
    private String leastLoaded(List<Appliance> members) {
        Appliance best = null;
        double bestLoad = Double.MAX_VALUE;
        for (Appliance a : members) {
            double load = (double) inventory.flowCount(a.name()) / a.weight();
            if (load < bestLoad) {
                bestLoad = load;
                best = a;
            }
        }
        return best.name();
    }
}
