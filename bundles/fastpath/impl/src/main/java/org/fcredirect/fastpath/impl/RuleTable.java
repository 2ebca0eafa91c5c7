package org.fcredirect.fastpath.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fcredirect.fastpath.api.RewriteRule;

/**
 * A worker's rules: the hot {@link LegTable}s the frame path reads, and the control-time indexes
 * that keep them right as rules come and go (which keys each flow holds, keys several flows hold,
 * LUNs narrowed per key). Only the owning worker calls it, between frame batches.
 *
 * <p>Several flows may hold one key: an appliance has one virtual target and initiator per VSAN,
 * so the rules of its egress legs are shared by every flow it carries to one target (or from one
 * initiator). If their rules agree, frames follow them and count for the flow with the lowest id;
 * if they disagree the key is in conflict and its frames are dropped, since no address tells the
 * flows apart. Whenever a slot's owner or decision changes, its counters are settled into
 * {@link #retired} first, so no frame is ever attributed to a rule it did not pass.
 */
final class RuleTable {
    static final long ANY_LUN = RewriteRule.ANY_LUN;

    final LegTable main;
    final LegTable narrowed;
    final RetiredDeltas retired = new RetiredDeltas();

    private final FlowLegs legsOfFlow = new FlowLegs();
    private final Map<KeyLun, List<Holder>> holders = new HashMap<>();
    private final Map<Long, Set<Long>> narrowedLuns = new HashMap<>();
    private final long[] scratch = new long[RetiredDeltas.FIELDS];
    private int rules;
    private int conflicts;

    private record KeyLun(long key, long lun) {
    }

    private record Holder(long flowId, long value) {
    }

    /** Takes one rule with its counters when the pipeline is rebuilt. */
    @FunctionalInterface
    interface RuleVisitor {
        void rule(long flowId, long key, long lun, long value);
    }

    RuleTable(int expectedRules) {
        main = new LegTable(false, expectedRules);
        narrowed = new LegTable(true, 0);
    }

    int rules() {
        return rules;
    }

    int conflicts() {
        return conflicts;
    }

    void apply(RuleUpdate u) {
        if (u.reset) {
            clear();
        }
        for (long flow : u.retiredFlows) {
            removeFlow(flow);
        }
        for (int i = 0; i < u.size(); i++) {
            add(u.flowIds[i], u.keys[i], u.luns[i], u.values[i]);
        }
    }

    private void clear() {
        settleAll();
        main.clear();
        narrowed.clear();
        legsOfFlow.clear();
        holders.clear();
        narrowedLuns.clear();
        rules = 0;
        conflicts = 0;
    }

    /** Moves every slot's counters to {@link #retired}. */
    void settleAll() {
        for (LegTable t : List.of(main, narrowed)) {
            for (int s = 0; s < t.capacity(); s++) {
                if (t.occupied(s)) {
                    settle(t, s);
                }
            }
        }
    }

    void add(long flow, long key, long lun, long value) {
        legsOfFlow.add(flow, key, lun);
        rules++;
        if (lun == ANY_LUN) {
            addAnyLun(flow, key, value);
        } else {
            addNarrowed(flow, key, lun, value);
        }
    }

    private void addAnyLun(long flow, long key, long value) {
        int slot = main.find(key);
        if (slot < 0) {
            main.insert(key, ANY_LUN, value | (narrowedLuns.containsKey(key) ? LegValue.NARROWED : 0), flow);
        } else if ((main.value(slot) & LegValue.PLACEHOLDER) != 0) {
            main.value(slot, value | LegValue.NARROWED);
            main.flowId(slot, flow);
        } else {
            share(main, slot, new KeyLun(key, ANY_LUN), flow, value);
        }
    }

    private void addNarrowed(long flow, long key, long lun, long value) {
        int slot = narrowed.find(key, lun);
        if (slot < 0) {
            narrowed.insert(key, lun, value, flow);
        } else {
            share(narrowed, slot, new KeyLun(key, lun), flow, value);
        }
        narrowedLuns.computeIfAbsent(key, k -> new HashSet<>()).add(lun);
        refreshMain(key);
    }

    private void share(LegTable t, int slot, KeyLun kl, long flow, long value) {
        List<Holder> hs = holders.get(kl);
        if (hs == null) {
            hs = new ArrayList<>(2);
            hs.add(new Holder(t.flowId(slot), t.value(slot) & LegValue.BASE));
            holders.put(kl, hs);
        }
        hs.removeIf(h -> h.flowId == flow);
        hs.add(new Holder(flow, value & LegValue.BASE));
        compile(t, slot, kl, hs);
    }

    /** Recomputes a shared slot from its holders: the lowest flow's rule, in conflict unless all agree. */
    private void compile(LegTable t, int slot, KeyLun kl, List<Holder> hs) {
        settle(t, slot);
        Holder first = hs.get(0);
        boolean agree = true;
        for (Holder h : hs) {
            agree &= h.value == first.value;
            if (h.flowId < first.flowId) {
                first = h;
            }
        }
        long before = t.value(slot);
        t.value(slot, first.value | before & LegValue.NARROWED | (agree ? 0 : LegValue.CONFLICT));
        t.flowId(slot, first.flowId);
        conflicts += (agree ? 0 : 1) - ((before & LegValue.CONFLICT) != 0 ? 1 : 0);
        if (hs.size() == 1) {
            holders.remove(kl);
        }
    }

    /** Brings the key's main slot in line with its narrowed rules: flag, placeholder, fallback. */
    private void refreshMain(long key) {
        Set<Long> luns = narrowedLuns.get(key);
        int slot = main.find(key);
        if (luns == null || luns.isEmpty()) {
            narrowedLuns.remove(key);
            if (slot >= 0) {
                long v = main.value(slot);
                if ((v & LegValue.PLACEHOLDER) != 0) {
                    main.remove(slot);
                } else {
                    main.value(slot, v & ~(LegValue.NARROWED | LegValue.FALLBACK));
                }
            }
            return;
        }
        if (slot < 0) {
            slot = main.insert(key, ANY_LUN, LegValue.PLACEHOLDER | LegValue.NARROWED, 0);
        }
        long v = main.value(slot);
        if ((v & LegValue.PLACEHOLDER) == 0) {
            main.value(slot, v | LegValue.NARROWED);
            return;
        }
        long fallbackLun = 0;
        long fallbackFlow = Long.MAX_VALUE;
        long common = -1;
        boolean agree = true;
        for (long lun : luns) {
            int n = narrowed.find(key, lun);
            long nv = narrowed.value(n);
            agree &= (nv & LegValue.CONFLICT) == 0 && (common == -1 || (nv & LegValue.BASE) == common);
            common = nv & LegValue.BASE;
            if (narrowed.flowId(n) < fallbackFlow) {
                fallbackFlow = narrowed.flowId(n);
                fallbackLun = lun;
            }
        }
        main.value(slot, LegValue.PLACEHOLDER | LegValue.NARROWED | (agree ? LegValue.FALLBACK : 0));
        main.flowId(slot, agree ? fallbackLun : 0);
    }

    void removeFlow(long flow) {
        legsOfFlow.remove(flow, this::removeLeg);
    }

    private void removeLeg(long flow, long key, long lun) {
        remove(flow, key, lun);
        rules--;
    }

    private void remove(long flow, long key, long lun) {
        boolean any = lun == ANY_LUN;
        LegTable t = any ? main : narrowed;
        int slot = any ? main.find(key) : narrowed.find(key, lun);
        if (slot < 0) {
            return;
        }
        KeyLun kl = new KeyLun(key, lun);
        List<Holder> hs = holders.get(kl);
        if (hs != null) {
            hs.removeIf(h -> h.flowId == flow);
            compile(t, slot, kl, hs);
        } else if (t.flowId(slot) == flow && (t.value(slot) & LegValue.PLACEHOLDER) == 0) {
            settle(t, slot);
            if (any && narrowedLuns.containsKey(key)) {
                main.value(slot, LegValue.PLACEHOLDER | LegValue.NARROWED);
                main.flowId(slot, 0);
            } else if (any) {
                main.remove(slot);
            } else {
                narrowed.remove(slot);
                narrowedLuns.get(key).remove(lun);
            }
        } else {
            return;
        }
        if (!any || narrowedLuns.containsKey(key)) {
            refreshMain(key);
        }
    }

    /** Moves a slot's counters to {@link #retired} under its flow and zeroes them. */
    void settle(LegTable t, int slot) {
        if (t.hasCounts(slot)) {
            t.counters(slot, scratch);
            retired.add(t.flowId(slot), scratch);
        }
        t.resetCounters(slot);
    }

    /** Every rule with its own decision (not the compiled one of a shared key). */
    void forEachRule(RuleVisitor visitor) {
        legsOfFlow.forEach((flow, key, lun) -> visitor.rule(flow, key, lun, valueOf(flow, key, lun)));
    }

    private long valueOf(long flow, long key, long lun) {
        List<Holder> hs = holders.get(new KeyLun(key, lun));
        if (hs != null) {
            for (Holder h : hs) {
                if (h.flowId == flow) {
                    return h.value;
                }
            }
        }
        int slot = lun == ANY_LUN ? main.find(key) : narrowed.find(key, lun);
        return (lun == ANY_LUN ? main : narrowed).value(slot) & LegValue.BASE;
    }
}
