package org.fcredirect.traffic.impl;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Where each of the generator's flows goes now, by flow index: through an appliance's virtual
 * ports, on the direct path, or nowhere (the fast path drops its frames). Only the generator thread
 * reads and writes the arrays. What the flow manager changes while the generator runs (failover,
 * failback, a new decision) comes from the flow manager's event thread as a {@link Move} through a
 * lock-free queue, which the generator drains between sends: following a move costs the frame
 * path neither a lock nor an allocation. The queue is unbounded because each move is one durable
 * flow change, far slower than the generator drains them.
 */
final class FlowRoutes {
    static final byte DIRECT = 0;
    static final byte REDIRECT = 1;
    static final byte DROP = 2;

    /**
     * A flow's route after a change: {@code vt} and {@code vi} are the appliance's virtual ports
     * in the flow's VSAN when {@code path} is {@link #REDIRECT}. The flow id tells a move of the
     * run's flow from one of a flow of the same ports that someone deleted and created again.
     */
    record Move(int flow, long flowId, byte path, int vt, int vi) {
    }

    final byte[] path;
    final int[] vt;
    final int[] vi;
    private final Queue<Move> moves = new ConcurrentLinkedQueue<>();

    /** The routes the topology plans, until the directory says where the flows really are. */
    FlowRoutes(TrafficTopology t) {
        path = new byte[t.flows];
        vt = new int[t.flows];
        vi = new int[t.flows];
        for (int f = 0; f < t.flows; f++) {
            if (t.redirected(f)) {
                set(f, REDIRECT, t.vtFcid(f), t.viFcid(f));
            }
        }
    }

    /** Sets a route on the generator thread. */
    void set(int flow, byte p, int vtFcid, int viFcid) {
        path[flow] = p;
        vt[flow] = p == REDIRECT ? vtFcid : 0;
        vi[flow] = p == REDIRECT ? viFcid : 0;
    }

    boolean differs(Move m) {
        return path[m.flow] != m.path || vt[m.flow] != (m.path == REDIRECT ? m.vt : 0)
                || vi[m.flow] != (m.path == REDIRECT ? m.vi : 0);
    }

    /** From any thread. */
    void moved(Move m) {
        moves.offer(m);
    }

    /** The oldest move not yet taken, or null; on the generator thread. */
    Move nextMove() {
        return moves.poll();
    }

    int redirected() {
        int n = 0;
        for (byte p : path) {
            n += p == REDIRECT ? 1 : 0;
        }
        return n;
    }
}
