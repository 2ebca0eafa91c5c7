package org.fcredirect.flow.impl;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The flows of each port, so a login or logout touches only its own flows: per VSAN, a map from
 * pWWN to the heads of two doubly linked lists (flows where the port is the initiator, flows
 * where it is the target), threaded through {@link FlowColumns}. O(1) to add or remove a flow.
 */
final class EndpointIndex {
    private static final int NIL = -1;

    private final FlowColumns c;
    /** VSAN -> pWWN -> (initiator head << 32 | target head & 0xFFFFFFFF). */
    private final Map<Integer, LongLongMap> heads = new HashMap<>();

    EndpointIndex(FlowColumns columns) {
        this.c = columns;
    }

    private static int initiatorHead(long packed) {
        return packed == LongLongMap.MISSING ? NIL : (int) (packed >> 32);
    }

    private static int targetHead(long packed) {
        return packed == LongLongMap.MISSING ? NIL : (int) packed;
    }

    private static long pack(int initiatorHead, int targetHead) {
        return (long) initiatorHead << 32 | targetHead & 0xFFFFFFFFL;
    }

    private LongLongMap map(int vsan) {
        return heads.computeIfAbsent(vsan, v -> new LongLongMap());
    }

    private void setHeads(LongLongMap m, long wwn, int initiatorHead, int targetHead) {
        if (initiatorHead == NIL && targetHead == NIL) {
            m.remove(wwn);
        } else {
            m.put(wwn, pack(initiatorHead, targetHead));
        }
    }

    void add(int slot) {
        LongLongMap m = map(c.vsan[slot]);
        long i = c.initiator[slot];
        long packedI = m.get(i);
        int oldHead = initiatorHead(packedI);
        c.prevByInitiator[slot] = NIL;
        c.nextByInitiator[slot] = oldHead;
        if (oldHead != NIL) {
            c.prevByInitiator[oldHead] = slot;
        }
        setHeads(m, i, slot, targetHead(packedI));

        long t = c.target[slot];
        long packedT = m.get(t);
        oldHead = targetHead(packedT);
        c.prevByTarget[slot] = NIL;
        c.nextByTarget[slot] = oldHead;
        if (oldHead != NIL) {
            c.prevByTarget[oldHead] = slot;
        }
        setHeads(m, t, initiatorHead(packedT), slot);
    }

    void remove(int slot) {
        LongLongMap m = map(c.vsan[slot]);
        int prev = c.prevByInitiator[slot];
        int next = c.nextByInitiator[slot];
        if (next != NIL) {
            c.prevByInitiator[next] = prev;
        }
        if (prev != NIL) {
            c.nextByInitiator[prev] = next;
        } else {
            long i = c.initiator[slot];
            setHeads(m, i, next, targetHead(m.get(i)));
        }
        prev = c.prevByTarget[slot];
        next = c.nextByTarget[slot];
        if (next != NIL) {
            c.prevByTarget[next] = prev;
        }
        if (prev != NIL) {
            c.nextByTarget[prev] = next;
        } else {
            long t = c.target[slot];
            setHeads(m, t, initiatorHead(m.get(t)), next);
        }
    }

    /** Calls {@code action} with every slot whose initiator or target is the port. */
    void forEachFlowOf(int vsan, long wwn, IntConsumer action) {
        LongLongMap m = heads.get(vsan);
        if (m == null) {
            return;
        }
        long packed = m.get(wwn);
        for (int s = initiatorHead(packed); s != NIL; s = c.nextByInitiator[s]) {
            action.accept(s);
        }
        for (int s = targetHead(packed); s != NIL; s = c.nextByTarget[s]) {
            action.accept(s);
        }
    }

    void clear() {
        heads.clear();
    }
}
