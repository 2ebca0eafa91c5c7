package org.fcredirect.flow.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fcredirect.flow.api.PoolUse;
import org.junit.jupiter.api.Test;

/** The allocator on its own: a VT per target, a VI per host, shared, freed, lowest free first. */
class VirtualPortPoolTest {
    private static final long T1 = 0x5006_0160_0000_0001L;
    private static final long T2 = 0x5006_0160_0000_0002L;
    private static final long H1 = 0x2000_0025_b500_0001L;
    private static final long H2 = 0x2000_0025_b500_0002L;
    private static final int FIRST = 0x041000;

    private final VirtualPortPool pool = VirtualPortPool.of(Fabric.pool(1, 4));

    @Test
    void flowsOfOneTargetShareItsVtAndFlowsOfOneHostShareItsVi() {
        long a = pool.acquire(T1, H1);
        long b = pool.acquire(T1, H2);
        long c = pool.acquire(T2, H1);
        assertEquals(FIRST, VirtualPortPool.vt(a));
        assertEquals(FIRST + 1, VirtualPortPool.vi(a));
        assertEquals(VirtualPortPool.vt(a), VirtualPortPool.vt(b), "same target, same VT");
        assertEquals(FIRST + 2, VirtualPortPool.vi(b), "another host, another VI");
        assertEquals(VirtualPortPool.vi(a), VirtualPortPool.vi(c), "same host, same VI");
        assertEquals(FIRST + 3, VirtualPortPool.vt(c), "another target, another VT");
        assertEquals(new PoolUse(Fabric.VSAN, 4, 4, 0), pool.use());
        assertEquals(4, pool.allocations().size());
        assertEquals(2, pool.allocations().get(0).flows(), "the VT of T1 serves two flows");
    }

    @Test
    void theLastFlowFreesAndTheLowestFreeAddressIsTakenNext() {
        pool.acquire(T1, H1);
        pool.acquire(T1, H2);
        pool.release(T1, H1);
        assertEquals(new PoolUse(Fabric.VSAN, 2, 4, 0), pool.use(), "H1's VI freed, T1's VT still held by H2's flow");
        pool.release(T1, H2);
        assertEquals(0, pool.use().allocated());
        long again = pool.acquire(T2, H2);
        assertEquals(FIRST, VirtualPortPool.vt(again));
        assertEquals(FIRST + 1, VirtualPortPool.vi(again));
    }

    @Test
    void aFullPoolRefusesANewPairAndHoldsNothingOfIt() {
        pool.acquire(T1, H1);
        pool.acquire(T2, H2);
        assertFalse(pool.hasRoom(T1, 0x2000_0025_b500_0009L));
        assertEquals(VirtualPortPool.EXHAUSTED, pool.acquire(T1, 0x2000_0025_b500_0009L));
        assertEquals(4, pool.use().allocated());
        assertTrue(pool.hasRoom(T1, H2), "an existing pair needs no new address");
        assertEquals(VirtualPortPool.pair(FIRST, FIRST + 3), pool.acquire(T1, H2));
    }

    @Test
    void holdingReproducesASnapshotAndRefusesForeignOrTakenAddresses() {
        pool.hold(T1, H1, FIRST + 2, FIRST);
        assertEquals(VirtualPortPool.pair(FIRST + 1, FIRST + 3), pool.acquire(T2, H2), "the free ones, lowest first");
        assertThrows(IllegalStateException.class, () -> pool.hold(T1, H2, FIRST + 1, FIRST), "T1's VT is FIRST+2");
        assertThrows(IllegalStateException.class, () -> VirtualPortPool.of(Fabric.pool(1, 4)).hold(T1, H1, 0x050000,
                FIRST), "not of the pool");
        assertThrows(IllegalStateException.class, () -> pool.release(0x1L, H1), "a target holding nothing");
    }

    @Test
    void fixedPortsServeEveryFlowWithTheirOnePair() {
        VirtualPortPool fixed = VirtualPortPool.fixed(Fabric.ports(Fabric.VSAN, 1));
        long a = fixed.acquire(T1, H1);
        long b = fixed.acquire(T2, H2);
        assertEquals(a, b);
        assertEquals(VirtualPortPool.pair(0x030010, 0x030011), a);
        assertEquals(new PoolUse(Fabric.VSAN, 2, 2, 0), fixed.use());
        fixed.release(T1, H1);
        fixed.release(T2, H2);
        assertEquals(0, fixed.use().allocated());
    }
}
