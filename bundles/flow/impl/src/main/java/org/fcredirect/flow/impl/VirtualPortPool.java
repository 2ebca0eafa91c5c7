package org.fcredirect.flow.impl;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.PoolUse;
import org.fcredirect.flow.api.PortAllocation;
import org.fcredirect.flow.api.PortPool;
import org.fcredirect.flow.api.VirtualAddress;
import org.fcredirect.flow.api.VirtualPorts;

/**
 * The virtual ports of one appliance in one VSAN and who holds them: a VT per real target and a VI
 * per real host, each shared by every flow of that target or host and freed with the last one.
 * An address is always the lowest free one, so the allocation is a function of the order of
 * acquisitions and releases alone: every node applying the same history allocates the same.
 * Fixed ports (an appliance added before pools) hand their one VT and one VI to every flow.
 */
final class VirtualPortPool {
    /** What {@link #acquire} returns when the pool has no room for the pair. */
    static final long EXHAUSTED = -1L;

    private final VsanId vsan;
    private final PortPool pool;
    private final VirtualPorts fixed;
    private final BitSet used = new BitSet();
    /**
     * The VT of each target and the VI of each host: its address and the flows sharing it, packed
     * by {@link #holding}. Primitive maps: boxed WWN keys such as 50:06:01:60:xx:xx:xx:00 share
     * their low hash bits, and a restart of a million flows spent a fifth of its decoding in the
     * tree bins they made of a HashMap.
     */
    private final LongLongMap vts = new LongLongMap();
    private final LongLongMap vis = new LongLongMap();
    private long waiting;

    private static final Comparator<PortAllocation> BY_ADDRESS = Comparator
            .comparingInt((PortAllocation a) -> a.address().fcid().value())
            .thenComparing(a -> a.standsFor().value(), Long::compareUnsigned);

    /** Bits of a holding that count its flows; the 24-bit address sits above them. */
    private static final int FLOWS_BITS = 40;

    /** An address and the flows that share it, as one value of {@link #vts} or {@link #vis}. */
    private static long holding(int fcid, long flows) {
        return (long) fcid << FLOWS_BITS | flows;
    }

    private static int fcidOf(long holding) {
        return (int) (holding >>> FLOWS_BITS);
    }

    private static long flowsOf(long holding) {
        return holding & (1L << FLOWS_BITS) - 1;
    }

    private VirtualPortPool(VsanId vsan, PortPool pool, VirtualPorts fixed) {
        this.vsan = vsan;
        this.pool = pool;
        this.fixed = fixed;
    }

    static VirtualPortPool of(PortPool pool) {
        return new VirtualPortPool(pool.vsan(), pool, null);
    }

    static VirtualPortPool fixed(VirtualPorts ports) {
        return new VirtualPortPool(ports.vsan(), null, ports);
    }

    boolean isFixed() {
        return fixed != null;
    }

    /** {@code true} when a flow of this target and host would get its pair. */
    boolean hasRoom(long target, long host) {
        return fixed != null || needed(target, host) <= free();
    }

    private int needed(long target, long host) {
        return (vts.containsKey(target) ? 0 : 1) + (vis.containsKey(host) ? 0 : 1);
    }

    private int free() {
        return pool.size() - used.cardinality();
    }

    /**
     * One more flow of this target and host: their VT and VI, allocated when they are the first.
     *
     * @return {@code vt << 32 | vi} (FCIDs), or {@link #EXHAUSTED}, holding nothing
     */
    long acquire(long target, long host) {
        if (!hasRoom(target, host)) {
            return EXHAUSTED;
        }
        int vt = take(vts, target, fixed == null ? -1 : fixed.vtFcid().value());
        int vi = take(vis, host, fixed == null ? -1 : fixed.viFcid().value());
        return pair(vt, vi);
    }

    static long pair(int vt, int vi) {
        return (long) vt << 32 | vi & 0xFFFF_FFFFL;
    }

    static int vt(long pair) {
        return (int) (pair >>> 32);
    }

    static int vi(long pair) {
        return (int) pair;
    }

    private int take(LongLongMap holders, long wwn, int fixedFcid) {
        long h = holders.get(wwn);
        int fcid = h != LongLongMap.MISSING ? fcidOf(h) : fixedFcid >= 0 ? fixedFcid : allocate();
        holders.put(wwn, holding(fcid, h != LongLongMap.MISSING ? flowsOf(h) + 1 : 1));
        return fcid;
    }

    private int allocate() {
        int offset = used.nextClearBit(0);
        used.set(offset);
        return pool.first().value() + offset;
    }

    /**
     * Takes the addresses a flow held when a snapshot was written.
     *
     * @throws IllegalStateException when they are not this pool's or another target or host has them
     */
    void hold(long target, long host, int vt, int vi) {
        hold(vts, target, vt, "VT");
        hold(vis, host, vi, "VI");
    }

    private void hold(LongLongMap holders, long wwn, int fcid, String role) {
        long h = holders.get(wwn);
        if (h == LongLongMap.MISSING) {
            boolean ours = fixed != null ? fcid == (role.equals("VT") ? fixed.vtFcid() : fixed.viFcid()).value()
                    : pool.containsFcid(fcid) && !used.get(fcid - pool.first().value());
            if (!ours) {
                throw new IllegalStateException(role + " " + FcId.format(fcid) + " of " + Wwn.format(wwn)
                        + " is not a free address of the appliance's ports in VSAN " + vsan);
            }
            if (fixed == null) {
                used.set(fcid - pool.first().value());
            }
            holders.put(wwn, holding(fcid, 1));
        } else if (fcidOf(h) != fcid) {
            throw new IllegalStateException(role + " of " + Wwn.format(wwn) + " is " + FcId.format(fcidOf(h)) + ", not "
                    + FcId.format(fcid));
        } else {
            holders.put(wwn, h + 1);
        }
    }

    /** One flow of this target and host fewer; frees the VT or VI that no flow holds any more. */
    void release(long target, long host) {
        give(vts, target);
        give(vis, host);
    }

    private void give(LongLongMap holders, long wwn) {
        long h = holders.get(wwn);
        if (h == LongLongMap.MISSING) {
            throw new IllegalStateException("releasing a virtual port of " + Wwn.format(wwn) + ", which holds none");
        }
        if (flowsOf(h) > 1) {
            holders.put(wwn, h - 1);
            return;
        }
        holders.remove(wwn);
        if (fixed == null) {
            used.clear(fcidOf(h) - pool.first().value());
        }
    }

    /** Flows placed here that found no room: counted so a release knows to offer it to them. */
    void waiting(int delta) {
        waiting += delta;
    }

    long waiting() {
        return waiting;
    }

    VirtualAddress address(int fcid) {
        if (fixed != null) {
            return fcid == fixed.vtFcid().value() ? new VirtualAddress(fixed.vtPwwn(), fixed.vtFcid())
                    : new VirtualAddress(fixed.viPwwn(), fixed.viFcid());
        }
        int offset = fcid - pool.first().value();
        return new VirtualAddress(pool.pwwn(offset), pool.fcid(offset));
    }

    PoolUse use() {
        long allocated = fixed != null ? (vts.size() == 0 ? 0 : 1) + (vis.size() == 0 ? 0 : 1) : used.cardinality();
        return new PoolUse(vsan, allocated, fixed != null ? 2 : pool.size(), waiting);
    }

    /** VTs then VIs, each by address. */
    List<PortAllocation> allocations() {
        List<PortAllocation> out = new ArrayList<>(vts.size() + vis.size());
        list(vts, PortAllocation.Role.VT, out);
        list(vis, PortAllocation.Role.VI, out);
        return out;
    }

    private void list(LongLongMap holders, PortAllocation.Role role, List<PortAllocation> out) {
        List<PortAllocation> some = new ArrayList<>(holders.size());
        holders.forEach((wwn, h) -> some.add(new PortAllocation(vsan, role, address(fcidOf(h)), Wwn.of(wwn), flowsOf(h))));
        some.sort(BY_ADDRESS);
        out.addAll(some);
    }
}
