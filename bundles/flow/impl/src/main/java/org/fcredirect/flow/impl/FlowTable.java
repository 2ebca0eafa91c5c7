package org.fcredirect.flow.impl;

import java.util.function.IntConsumer;

/**
 * The flows: {@link FlowColumns} plus the two indexes over them (identity, ports). Slots are
 * appended in id order; deleting leaves a tombstone, and once tombstones are a quarter of the
 * table it is compacted and the indexes rebuilt, which renumbers slots. Not thread-safe.
 */
final class FlowTable {
    private static final int MIN_TOMBSTONES_TO_COMPACT = 1024;

    final FlowColumns c;
    private final FlowKeyIndex keys;
    private final EndpointIndex endpoints;
    private int live;

    FlowTable(int expected) {
        c = new FlowColumns(expected);
        keys = new FlowKeyIndex(c, expected);
        endpoints = new EndpointIndex(c);
    }

    int liveCount() {
        return live;
    }

    /** Slots in use, deleted ones included: iterate {@code 0..size()} and skip dead ones. */
    int size() {
        return c.size;
    }

    /**
     * A new slot with the flow's identity set and indexed; the caller fills in the other columns.
     *
     * @param flowId greater than every id before it
     */
    int append(long flowId, int vsan, long initiator, long target, int lun) {
        if (c.size > 0 && flowId <= c.id[c.size - 1]) {
            throw new IllegalStateException("flow id " + flowId + " is not above the last id " + c.id[c.size - 1]);
        }
        c.ensureRoom(1);
        int slot = c.size++;
        c.id[slot] = flowId;
        c.vsan[slot] = (short) vsan;
        c.initiator[slot] = initiator;
        c.target[slot] = target;
        c.lun[slot] = (short) lun;
        c.description[slot] = null;
        keys.add(slot);
        endpoints.add(slot);
        live++;
        return slot;
    }

    void ensureRoom(int more) {
        c.ensureRoom(more);
    }

    void delete(int slot) {
        keys.remove(slot);
        endpoints.remove(slot);
        c.state[slot] = FlowColumns.DELETED;
        c.description[slot] = null;
        live--;
    }

    /** The slot of the flow with this identity, or -1. */
    int find(int vsan, long initiator, long target, int lun) {
        return keys.find(vsan, initiator, target, lun);
    }

    int slotOf(long flowId) {
        return c.slotOf(flowId);
    }

    void forEachFlowOf(int vsan, long wwn, IntConsumer action) {
        endpoints.forEachFlowOf(vsan, wwn, action);
    }

    /** Calls {@code action} with every live slot, in id order. */
    void forEachLive(IntConsumer action) {
        for (int s = 0; s < c.size; s++) {
            if (c.state[s] != FlowColumns.DELETED) {
                action.accept(s);
            }
        }
    }

    /** Compacts when tombstones are many; slot numbers held by callers are invalid afterwards. */
    boolean compactIfSparse() {
        int dead = c.size - live;
        if (dead < MIN_TOMBSTONES_TO_COMPACT || dead * 4 < c.size) {
            return false;
        }
        int to = 0;
        for (int from = 0; from < c.size; from++) {
            if (c.state[from] != FlowColumns.DELETED) {
                if (from != to) {
                    c.move(from, to);
                }
                to++;
            }
        }
        c.truncate(to);
        rebuildIndexes();
        return true;
    }

    /** Indexes every live slot afresh: after compaction or after loading a snapshot. */
    void rebuildIndexes() {
        keys.clear(live);
        endpoints.clear();
        int count = 0;
        for (int s = 0; s < c.size; s++) {
            if (c.state[s] != FlowColumns.DELETED) {
                keys.add(s);
                endpoints.add(s);
                count++;
            }
        }
        live = count;
    }
}
