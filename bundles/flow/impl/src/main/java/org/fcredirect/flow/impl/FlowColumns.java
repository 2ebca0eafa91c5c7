package org.fcredirect.flow.impl;

import java.util.Arrays;

/**
 * Every flow's fields as parallel primitive arrays, one slot per flow in id order: about 100 bytes
 * a flow, no object per flow, so a million flows fit in a little over 100 MB. Deleted slots keep
 * their id (so ids stay sorted for binary search) until {@link FlowTable} compacts them away.
 * Names are {@link NameTable} indexes. Fields are package-visible: this is the flow manager's own
 * storage, read and written by its model under its lock.
 */
final class FlowColumns {
    static final short NO_LUN = -1;
    /** {@link #state} of a deleted slot. */
    static final byte DELETED = -1;
    /** No VT or VI held: FCID 0 is no N_Port address. */
    static final int NO_PORT = 0;

    long[] id;
    short[] vsan;
    long[] initiator;
    long[] target;
    short[] lun;
    /** Appliance the spec names, or NONE. */
    int[] explicit;
    /** {@link WireCodes} code of the failover mode the spec names, or {@link WireCodes#NO_FAILOVER}. */
    byte[] specFailover;
    /** Null when empty. */
    String[] description;
    long[] createdMicros;
    long[] updatedMicros;
    /** Decision: {@link WireCodes} code of the action. */
    byte[] action;
    int[] policy;
    int[] group;
    int[] home;
    /** {@link WireCodes} code of the failover mode in force. */
    byte[] failover;
    /** Appliance carrying the flow now, or NONE. */
    int[] current;
    /** FCIDs of the VT and VI the flow holds on its current appliance; {@link #NO_PORT} when none. */
    int[] vt;
    int[] vi;
    /** FlowState ordinal, or DELETED. */
    byte[] state;
    /** Doubly linked lists of the flows of one initiator and of one target, see {@link EndpointIndex}. */
    int[] nextByInitiator;
    int[] prevByInitiator;
    int[] nextByTarget;
    int[] prevByTarget;

    /** Slots in use, deleted ones included. */
    int size;

    FlowColumns(int capacity) {
        allocate(Math.max(16, capacity));
    }

    private void allocate(int capacity) {
        id = new long[capacity];
        vsan = new short[capacity];
        initiator = new long[capacity];
        target = new long[capacity];
        lun = new short[capacity];
        explicit = new int[capacity];
        specFailover = new byte[capacity];
        description = new String[capacity];
        createdMicros = new long[capacity];
        updatedMicros = new long[capacity];
        action = new byte[capacity];
        policy = new int[capacity];
        group = new int[capacity];
        home = new int[capacity];
        failover = new byte[capacity];
        current = new int[capacity];
        vt = new int[capacity];
        vi = new int[capacity];
        state = new byte[capacity];
        nextByInitiator = new int[capacity];
        prevByInitiator = new int[capacity];
        nextByTarget = new int[capacity];
        prevByTarget = new int[capacity];
    }

    int capacity() {
        return id.length;
    }

    /** Makes room for {@code more} slots past {@link #size}. */
    void ensureRoom(int more) {
        long needed = (long) size + more;
        if (needed <= id.length) {
            return;
        }
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("flow table full at " + size + " slots");
        }
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, id.length + (long) (id.length >> 1)));
        id = Arrays.copyOf(id, capacity);
        vsan = Arrays.copyOf(vsan, capacity);
        initiator = Arrays.copyOf(initiator, capacity);
        target = Arrays.copyOf(target, capacity);
        lun = Arrays.copyOf(lun, capacity);
        explicit = Arrays.copyOf(explicit, capacity);
        specFailover = Arrays.copyOf(specFailover, capacity);
        description = Arrays.copyOf(description, capacity);
        createdMicros = Arrays.copyOf(createdMicros, capacity);
        updatedMicros = Arrays.copyOf(updatedMicros, capacity);
        action = Arrays.copyOf(action, capacity);
        policy = Arrays.copyOf(policy, capacity);
        group = Arrays.copyOf(group, capacity);
        home = Arrays.copyOf(home, capacity);
        failover = Arrays.copyOf(failover, capacity);
        current = Arrays.copyOf(current, capacity);
        vt = Arrays.copyOf(vt, capacity);
        vi = Arrays.copyOf(vi, capacity);
        state = Arrays.copyOf(state, capacity);
        nextByInitiator = Arrays.copyOf(nextByInitiator, capacity);
        prevByInitiator = Arrays.copyOf(prevByInitiator, capacity);
        nextByTarget = Arrays.copyOf(nextByTarget, capacity);
        prevByTarget = Arrays.copyOf(prevByTarget, capacity);
    }

    boolean isLive(int slot) {
        return slot >= 0 && slot < size && state[slot] != DELETED;
    }

    /** The slot of a live flow, or -1. Ids ascend with slots, so this is a binary search. */
    int slotOf(long flowId) {
        int slot = Arrays.binarySearch(id, 0, size, flowId);
        return slot >= 0 && state[slot] != DELETED ? slot : -1;
    }

    /** Moves slot {@code from} to {@code to} (to &lt; from), for compaction. */
    void move(int from, int to) {
        id[to] = id[from];
        vsan[to] = vsan[from];
        initiator[to] = initiator[from];
        target[to] = target[from];
        lun[to] = lun[from];
        explicit[to] = explicit[from];
        specFailover[to] = specFailover[from];
        description[to] = description[from];
        createdMicros[to] = createdMicros[from];
        updatedMicros[to] = updatedMicros[from];
        action[to] = action[from];
        policy[to] = policy[from];
        group[to] = group[from];
        home[to] = home[from];
        failover[to] = failover[from];
        current[to] = current[from];
        vt[to] = vt[from];
        vi[to] = vi[from];
        state[to] = state[from];
    }

    /** Forgets slots from {@code newSize} on. */
    void truncate(int newSize) {
        Arrays.fill(description, newSize, size, null);
        size = newSize;
    }
}
