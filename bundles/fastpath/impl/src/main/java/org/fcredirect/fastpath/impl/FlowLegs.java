package org.fcredirect.fastpath.impl;

import java.util.Arrays;

/**
 * Which legs (key and LUN) each flow holds in one worker's tables, so that a flow's rules can be
 * removed without a scan. Control time only, but sized for millions of flows: no object per flow
 * or leg. Flows sit in an open-addressing table (linear probing, backward-shift deletion, at most
 * three quarters full) pointing at the first of their legs; legs are rows of primitive columns
 * chained per flow, their freed rows reused, with a LUN column only once a leg narrowed to a LUN
 * arrives. About 12 bytes a leg (20 with the LUN column) and 16 to 24 a flow, where a
 * {@code HashMap} of boxed ids to arrays took over 100 bytes a flow. Not thread-safe: the owning
 * worker's.
 */
final class FlowLegs {
    private static final int NIL = -1;
    private static final int MIN_FLOW_SLOTS = 16;
    private static final int MIN_LEGS = 16;

    /** Takes one leg of a flow. */
    @FunctionalInterface
    interface LegVisitor {
        void leg(long flowId, long key, long lun);
    }

    private long[] flowIds;
    /** First leg of the flow in each slot; {@link #NIL} marks an empty slot. */
    private int[] heads;
    private int flows;

    private long[] legKeys;
    /** Null until a leg narrowed to a LUN arrives: most tables never hold one. */
    private long[] legLuns;
    /** Next leg of the same flow, or, for a free row, the next free row. */
    private int[] legNext;
    private int legRows;
    private int freeRow = NIL;

    FlowLegs() {
        allocateFlows(MIN_FLOW_SLOTS);
        legKeys = new long[MIN_LEGS];
        legNext = new int[MIN_LEGS];
    }

    private void allocateFlows(int capacity) {
        flowIds = new long[capacity];
        heads = new int[capacity];
        Arrays.fill(heads, NIL);
    }

    int flowCount() {
        return flows;
    }

    private int home(long flowId) {
        long h = flowId * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32) & heads.length - 1;
    }

    private int slotOf(long flowId) {
        int mask = heads.length - 1;
        for (int i = home(flowId); heads[i] != NIL; i = i + 1 & mask) {
            if (flowIds[i] == flowId) {
                return i;
            }
        }
        return NIL;
    }

    /** Adds a leg to the flow's legs. */
    void add(long flowId, long key, long lun) {
        int row = newRow(key, lun);
        int slot = slotOf(flowId);
        if (slot != NIL) {
            legNext[row] = heads[slot];
            heads[slot] = row;
            return;
        }
        legNext[row] = NIL;
        if ((flows + 1) * 4L > heads.length * 3L) {
            rehash(heads.length * 2);
        }
        insert(flowId, row);
        flows++;
    }

    private void insert(long flowId, int head) {
        int mask = heads.length - 1;
        int i = home(flowId);
        while (heads[i] != NIL) {
            i = i + 1 & mask;
        }
        flowIds[i] = flowId;
        heads[i] = head;
    }

    private int newRow(long key, long lun) {
        int row = freeRow;
        if (row != NIL) {
            freeRow = legNext[row];
        } else {
            if (legRows == legKeys.length) {
                int capacity = legKeys.length + (legKeys.length >> 1);
                legKeys = Arrays.copyOf(legKeys, capacity);
                legNext = Arrays.copyOf(legNext, capacity);
                if (legLuns != null) {
                    legLuns = Arrays.copyOf(legLuns, capacity);
                }
            }
            row = legRows++;
        }
        legKeys[row] = key;
        if (lun != RuleTable.ANY_LUN && legLuns == null) {
            legLuns = new long[legKeys.length];
            Arrays.fill(legLuns, RuleTable.ANY_LUN);
        }
        if (legLuns != null) {
            legLuns[row] = lun;
        }
        return row;
    }

    private long lun(int row) {
        return legLuns == null ? RuleTable.ANY_LUN : legLuns[row];
    }

    /**
     * Forgets the flow and calls {@code visitor} with each leg it held, newest first.
     *
     * @return whether the flow held any
     */
    boolean remove(long flowId, LegVisitor visitor) {
        int slot = slotOf(flowId);
        if (slot == NIL) {
            return false;
        }
        int row = heads[slot];
        deleteSlot(slot);
        flows--;
        while (row != NIL) {
            int next = legNext[row];
            visitor.leg(flowId, legKeys[row], lun(row));
            legNext[row] = freeRow;
            freeRow = row;
            row = next;
        }
        return true;
    }

    /** Backward shift: later entries of the probe run move into the gap where they belong. */
    private void deleteSlot(int gap) {
        int mask = heads.length - 1;
        for (int j = gap + 1 & mask; heads[j] != NIL; j = j + 1 & mask) {
            int home = home(flowIds[j]);
            if ((j - home & mask) >= (j - gap & mask)) {
                flowIds[gap] = flowIds[j];
                heads[gap] = heads[j];
                gap = j;
            }
        }
        heads[gap] = NIL;
    }

    /** Calls {@code visitor} with every leg of every flow. */
    void forEach(LegVisitor visitor) {
        for (int i = 0; i < heads.length; i++) {
            for (int row = heads[i]; row != NIL; row = legNext[row]) {
                visitor.leg(flowIds[i], legKeys[row], lun(row));
            }
        }
    }

    void clear() {
        allocateFlows(MIN_FLOW_SLOTS);
        flows = 0;
        legKeys = new long[MIN_LEGS];
        legLuns = null;
        legNext = new int[MIN_LEGS];
        legRows = 0;
        freeRow = NIL;
    }

    private void rehash(int capacity) {
        long[] oldIds = flowIds;
        int[] oldHeads = heads;
        allocateFlows(capacity);
        for (int i = 0; i < oldHeads.length; i++) {
            if (oldHeads[i] != NIL) {
                insert(oldIds[i], oldHeads[i]);
            }
        }
    }
}
