package org.fcredirect.flow.impl;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowSpec;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.flow.api.PoolUse;
import org.fcredirect.flow.api.PortLogin;
import org.fcredirect.flow.impl.FlowChange.ApplianceAdded;
import org.fcredirect.flow.impl.FlowChange.ApplianceHealthChanged;
import org.fcredirect.flow.impl.FlowChange.ApplianceRemoved;
import org.fcredirect.flow.impl.FlowChange.FlowDeleted;
import org.fcredirect.flow.impl.FlowChange.FlowsCreated;
import org.fcredirect.flow.impl.FlowChange.FlowsDecided;
import org.fcredirect.flow.impl.FlowChange.FlowsMoved;
import org.fcredirect.flow.impl.FlowChange.Move;
import org.fcredirect.flow.impl.FlowChange.NewFlow;
import org.fcredirect.flow.impl.FlowChange.Placement;
import org.fcredirect.flow.impl.FlowChange.PortLoggedOut;
import org.fcredirect.flow.impl.FlowChange.PortsLoggedIn;
import org.fcredirect.flow.impl.FlowChange.Redecision;

/**
 * The flow manager's whole state: flows, login table, appliances, and the counts derived from
 * them. {@link #apply} is the only way it changes, live and on replay alike, and a flow's state
 * is always {@link #deriveState derived} from its decision, the logins of its ends and the health
 * of the appliance carrying it. Guarded by the flow store's lock, except {@link #appliances()}
 * and {@link #load}, which the policy engine reads without it.
 */
final class FlowModel {
    private static final FlowState[] STATES = FlowState.values();

    final FlowTable flows;
    final NameTable names = new NameTable();
    final LoginRegistry logins = new LoginRegistry();
    final PoolAllocations pools = new PoolAllocations();
    /** Set when a change released a virtual port while flows wait for one: they are offered it. */
    private boolean released;
    private volatile ApplianceRegistry appliances = ApplianceRegistry.EMPTY;
    /** Flows each appliance carries, read lock-free by least-loaded balancing. */
    private final Map<String, AtomicLong> carried = new ConcurrentHashMap<>();
    /** Flows a change being planned will give each appliance: a bulk import balances over its own flows. */
    private final Map<String, AtomicLong> reserved = new ConcurrentHashMap<>();
    private final long[] stateCounts = new long[STATES.length];
    private long nextId = 1;

    FlowModel(int expectedFlows) {
        flows = new FlowTable(expectedFlows);
    }

    ApplianceRegistry appliances() {
        return appliances;
    }

    long nextId() {
        return nextId;
    }

    /** Flows the appliance carries plus those reserved for it by the change being planned. */
    long load(String appliance) {
        AtomicLong c = carried.get(appliance);
        AtomicLong r = reserved.get(appliance);
        return (c == null ? 0 : c.get()) + (r == null ? 0 : r.get());
    }

    void reserve(String appliance) {
        if (appliance != null) {
            reserved.computeIfAbsent(appliance, k -> new AtomicLong()).incrementAndGet();
        }
    }

    void clearReservations() {
        reserved.clear();
    }

    Map<FlowState, Long> countByState() {
        Map<FlowState, Long> m = new EnumMap<>(FlowState.class);
        for (FlowState s : STATES) {
            m.put(s, stateCounts[s.ordinal()]);
        }
        return m;
    }

    void apply(FlowChange change, Effects effects) {
        long t = change.micros();
        if (change instanceof FlowsCreated c) {
            flows.ensureRoom(c.flows().size());
            c.flows().forEach(f -> create(f, t, effects));
        } else if (change instanceof FlowDeleted d) {
            delete(d.id(), effects);
        } else if (change instanceof FlowsDecided d) {
            d.flows().forEach(r -> redecide(r, t, effects));
        } else if (change instanceof FlowsMoved m) {
            m.moves().forEach(mv -> move(mv, t, effects));
        } else if (change instanceof PortsLoggedIn l) {
            l.logins().forEach(p -> login(p, t, effects));
        } else if (change instanceof PortLoggedOut l) {
            logout(l.vsan().value(), l.pwwn().value(), t, effects);
        } else if (change instanceof ApplianceAdded a) {
            appliances = appliances.withAdded(a.spec(), instant(t));
            pools.add(a.spec());
        } else if (change instanceof ApplianceRemoved r) {
            appliances = appliances.withRemoved(r.name());
            pools.remove(r.name());
            carried.remove(r.name());
        } else if (change instanceof ApplianceHealthChanged h) {
            healthChanged(h, effects);
        }
        if (released) {
            released = false;
            serveWaiting(t, effects);
        }
    }

    /** Offers freed virtual ports to the flows waiting for one, in id order. */
    private void serveWaiting(long micros, Effects effects) {
        if (!pools.anyWaiting()) {
            return;
        }
        FlowColumns c = flows.c;
        flows.forEachLive(s -> {
            if (c.current[s] != NameTable.NONE && c.vt[s] == FlowColumns.NO_PORT) {
                VirtualPortPool pool = pools.get(names.name(c.current[s]), c.vsan[s]);
                long pair = pool == null ? VirtualPortPool.EXHAUSTED : pool.acquire(c.target[s], c.initiator[s]);
                if (pair != VirtualPortPool.EXHAUSTED) {
                    pool.waiting(-1);
                    c.vt[s] = VirtualPortPool.vt(pair);
                    c.vi[s] = VirtualPortPool.vi(pair);
                    refresh(s, micros, true, effects);
                }
            }
        });
    }

    private void create(NewFlow f, long micros, Effects effects) {
        FlowSpec spec = f.spec();
        FlowColumns c = flows.c;
        int slot = flows.append(f.id(), spec.vsan().value(), spec.initiator().value(), spec.target().value(),
                spec.lun().orElse(FlowColumns.NO_LUN));
        c.explicit[slot] = names.intern(spec.appliance().orElse(null));
        c.specFailover[slot] = WireCodes.code(spec.failover().orElse(null));
        c.description[slot] = spec.description().isEmpty() ? null : spec.description();
        c.createdMicros[slot] = micros;
        c.updatedMicros[slot] = micros;
        c.current[slot] = NameTable.NONE;
        c.vt[slot] = FlowColumns.NO_PORT;
        c.vi[slot] = FlowColumns.NO_PORT;
        setPlacement(slot, f.placement());
        byte state = deriveState(slot);
        c.state[slot] = state;
        stateCounts[state]++;
        nextId = Math.max(nextId, f.id() + 1);
        effects.touch(slot, Effects.CREATED, NameTable.NONE);
    }

    private void delete(long id, Effects effects) {
        int slot = flows.slotOf(id);
        if (slot < 0) {
            throw new IllegalStateException("deleting flow " + id + ", which does not exist");
        }
        effects.deleted(id, slot, effects.keepsDeletedFlows() ? flow(slot) : null);
        setCurrent(slot, NameTable.NONE);
        stateCounts[flows.c.state[slot]]--;
        flows.delete(slot);
    }

    private void redecide(Redecision r, long micros, Effects effects) {
        int slot = requireSlot(r.id());
        int applianceBefore = flows.c.current[slot];
        setPlacement(slot, r.placement());
        refresh(slot, micros, true, effects, applianceBefore);
    }

    private void move(Move m, long micros, Effects effects) {
        int slot = requireSlot(m.id());
        int applianceBefore = flows.c.current[slot];
        setCurrent(slot, names.intern(m.current()));
        refresh(slot, micros, true, effects, applianceBefore);
    }

    private int requireSlot(long id) {
        int slot = flows.slotOf(id);
        if (slot < 0) {
            throw new IllegalStateException("flow " + id + " does not exist");
        }
        return slot;
    }

    private void setPlacement(int slot, Placement p) {
        FlowColumns c = flows.c;
        c.action[slot] = WireCodes.code(p.action());
        c.policy[slot] = names.intern(p.policy());
        c.group[slot] = names.intern(p.group());
        c.home[slot] = names.intern(p.home());
        c.failover[slot] = WireCodes.code(p.failover());
        setCurrent(slot, names.intern(p.current()));
    }

    private void setCurrent(int slot, int current) {
        int old = flows.c.current[slot];
        if (old == current) {
            return;
        }
        if (old != NameTable.NONE) {
            carried.computeIfAbsent(names.name(old), k -> new AtomicLong()).decrementAndGet();
            releasePorts(slot, old);
        }
        if (current != NameTable.NONE) {
            carried.computeIfAbsent(names.name(current), k -> new AtomicLong()).incrementAndGet();
            acquirePorts(slot, current);
        }
        flows.c.current[slot] = current;
    }

    /** The VT of the flow's target and the VI of its host on the appliance, or a place in its queue. */
    private void acquirePorts(int slot, int appliance) {
        FlowColumns c = flows.c;
        VirtualPortPool pool = pools.get(names.name(appliance), c.vsan[slot]);
        if (pool == null) {
            return;
        }
        long pair = pool.acquire(c.target[slot], c.initiator[slot]);
        if (pair == VirtualPortPool.EXHAUSTED) {
            pool.waiting(1);
        } else {
            c.vt[slot] = VirtualPortPool.vt(pair);
            c.vi[slot] = VirtualPortPool.vi(pair);
        }
    }

    private void releasePorts(int slot, int appliance) {
        FlowColumns c = flows.c;
        VirtualPortPool pool = pools.get(names.name(appliance), c.vsan[slot]);
        if (pool == null) {
            return;
        }
        if (c.vt[slot] == FlowColumns.NO_PORT) {
            pool.waiting(-1);
        } else {
            pool.release(c.target[slot], c.initiator[slot]);
            c.vt[slot] = FlowColumns.NO_PORT;
            c.vi[slot] = FlowColumns.NO_PORT;
            released |= pool.waiting() > 0;
        }
    }

    private void login(PortLogin p, long micros, Effects effects) {
        int vsan = p.vsan().value();
        logins.login(vsan, p.pwwn().value(), p.fcid().value());
        flows.forEachFlowOf(vsan, p.pwwn().value(), s -> refresh(s, micros, true, effects));
    }

    private void logout(int vsan, long wwn, long micros, Effects effects) {
        logins.logout(vsan, wwn);
        flows.forEachFlowOf(vsan, wwn, s -> refresh(s, micros, true, effects));
    }

    private void healthChanged(ApplianceHealthChanged h, Effects effects) {
        appliances = appliances.withHealth(h.name(), h.healthy(), h.reason(), instant(h.micros()));
        int index = names.find(h.name());
        if (index == NameTable.NONE) {
            return;
        }
        int[] current = flows.c.current;
        flows.forEachLive(s -> {
            if (current[s] == index) {
                refresh(s, h.micros(), false, effects);
            }
        });
    }

    /** Derives the slot's state again; records it when it changed, or always when {@code force}d. */
    private void refresh(int slot, long micros, boolean force, Effects effects) {
        refresh(slot, micros, force, effects, flows.c.current[slot]);
    }

    /** @param applianceBefore the name index of the appliance the slot passed through before the change */
    private void refresh(int slot, long micros, boolean force, Effects effects, int applianceBefore) {
        FlowColumns c = flows.c;
        byte before = c.state[slot];
        byte after = deriveState(slot);
        if (after != before) {
            stateCounts[before]--;
            stateCounts[after]++;
            c.state[slot] = after;
        }
        if (after != before || force) {
            c.updatedMicros[slot] = micros;
            effects.touch(slot, before, applianceBefore);
        }
    }

    byte deriveState(int slot) {
        FlowColumns c = flows.c;
        int vsan = c.vsan[slot];
        if (logins.fcidOf(vsan, c.initiator[slot]) == LoginRegistry.NOT_LOGGED_IN
                || logins.fcidOf(vsan, c.target[slot]) == LoginRegistry.NOT_LOGGED_IN) {
            return (byte) FlowState.PENDING.ordinal();
        }
        FlowState s = switch (WireCodes.action(c.action[slot])) {
            case PERMIT -> FlowState.DIRECT;
            case DROP -> FlowState.DROPPED;
            case REDIRECT -> appliances.usable(names.name(c.current[slot]), vsan) && c.vt[slot] != FlowColumns.NO_PORT
                    ? FlowState.ACTIVE
                    : WireCodes.failover(c.failover[slot]) == FailoverMode.BYPASS ? FlowState.BYPASSED : FlowState.BLOCKED;
        };
        return (byte) s.ordinal();
    }

    FlowState state(int slot) {
        return STATES[flows.c.state[slot]];
    }

    FlowAction action(int slot) {
        return WireCodes.action(flows.c.action[slot]);
    }

    FailoverMode failover(int slot) {
        return WireCodes.failover(flows.c.failover[slot]);
    }

    /** The spec a slot was created from. */
    FlowSpec spec(int slot) {
        FlowColumns c = flows.c;
        FlowSpec.Builder b = FlowSpec.builder().vsan(VsanId.of(c.vsan[slot])).initiator(Wwn.of(c.initiator[slot]))
                .target(Wwn.of(c.target[slot])).appliance(names.name(c.explicit[slot]))
                .failover(WireCodes.failover(c.specFailover[slot]))
                .description(c.description[slot]);
        if (c.lun[slot] != FlowColumns.NO_LUN) {
            b.lun(c.lun[slot]);
        }
        return b.build();
    }

    /** The flow in a slot as an API value. */
    Flow flow(int slot) {
        FlowColumns c = flows.c;
        int vsan = c.vsan[slot];
        String current = names.name(c.current[slot]);
        VirtualPortPool pool = pools.get(current, vsan);
        boolean holds = pool != null && c.vt[slot] != FlowColumns.NO_PORT;
        return new Flow(FlowId.of(c.id[slot]), spec(slot), state(slot), action(slot),
                Optional.ofNullable(names.name(c.policy[slot])), Optional.ofNullable(names.name(c.group[slot])),
                Optional.ofNullable(names.name(c.home[slot])), Optional.ofNullable(current),
                failover(slot), fcid(vsan, c.initiator[slot]), fcid(vsan, c.target[slot]),
                instant(c.createdMicros[slot]), instant(c.updatedMicros[slot]),
                holds ? Optional.of(pool.address(c.vt[slot])) : Optional.empty(),
                holds ? Optional.of(pool.address(c.vi[slot])) : Optional.empty(), issue(slot));
    }

    /** Why the flow's redirect is not in force as placed, if it is not. */
    Optional<String> issue(int slot) {
        FlowColumns c = flows.c;
        String current = names.name(c.current[slot]);
        VirtualPortPool pool = pools.get(current, c.vsan[slot]);
        if (pool == null) {
            return Optional.empty();
        }
        if (c.vt[slot] == FlowColumns.NO_PORT) {
            PoolUse use = pool.use();
            return Optional.of("no free virtual port on " + current + " in VSAN " + use.vsan() + " ("
                    + use.allocated() + " of " + use.total() + " in use)");
        }
        long other = pool.isFixed() ? fixedPortConflict(slot) : -1;
        return other < 0 ? Optional.empty() : Optional.of("shares the one VT/VI of " + current + " in VSAN "
                + c.vsan[slot] + " with flow " + other + " of the same target or host: their frames are dropped as"
                + " ambiguous-rule; give " + current + " a pool there");
    }

    /**
     * Another active flow on the same fixed VT/VI whose return legs cannot be told from this
     * active one's: the same target from another host, or the same host to another target (LUNs
     * apart). -1 if none: only active flows have rewrite rules that can clash.
     */
    long fixedPortConflict(int slot) {
        FlowColumns c = flows.c;
        byte active = (byte) FlowState.ACTIVE.ordinal();
        if (c.state[slot] != active) {
            return -1;
        }
        int vsan = c.vsan[slot];
        long[] other = {-1};
        IntConsumer check = s -> {
            if (other[0] < 0 && s != slot && c.current[s] == c.current[slot] && c.state[s] == active
                    && c.lun[s] == c.lun[slot] && (c.initiator[s] != c.initiator[slot] || c.target[s] != c.target[slot])) {
                other[0] = c.id[s];
            }
        };
        flows.forEachFlowOf(vsan, c.target[slot], check);
        flows.forEachFlowOf(vsan, c.initiator[slot], check);
        return other[0];
    }

    private Optional<FcId> fcid(int vsan, long wwn) {
        int f = logins.fcidOf(vsan, wwn);
        return f == LoginRegistry.NOT_LOGGED_IN ? Optional.empty() : Optional.of(FcId.of(f));
    }

    /** The slot of a flow by identity, or -1. */
    int find(int vsan, long initiator, long target, OptionalInt lun) {
        return flows.find(vsan, initiator, target, lun.orElse(FlowColumns.NO_LUN));
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    /** Restores what a snapshot held: call on a fresh model, then {@link #restoreFlow} per flow. */
    void restore(ApplianceRegistry registry, long nextFlowId) {
        appliances = registry;
        registry.list().forEach(a -> pools.add(a.spec()));
        nextId = nextFlowId;
    }

    /**
     * After a snapshot's columns are set for {@code slot}: count it, take its virtual ports, derive
     * its state.
     *
     * @param heldPorts the flow's VT and VI as the snapshot held them ({@link FlowColumns#NO_PORT}
     *        for a flow that waited for one); false for a snapshot from before pools, whose fixed
     *        ports every flow takes anew
     */
    void restoreFlow(int slot, boolean heldPorts) {
        FlowColumns c = flows.c;
        int current = c.current[slot];
        if (heldPorts) {
            if (current != NameTable.NONE) {
                carried.computeIfAbsent(names.name(current), k -> new AtomicLong()).incrementAndGet();
                VirtualPortPool pool = pools.get(names.name(current), c.vsan[slot]);
                if (pool != null && c.vt[slot] == FlowColumns.NO_PORT) {
                    pool.waiting(1);
                } else if (pool != null) {
                    pool.hold(c.target[slot], c.initiator[slot], c.vt[slot], c.vi[slot]);
                }
            }
        } else {
            c.current[slot] = NameTable.NONE;
            c.vt[slot] = FlowColumns.NO_PORT;
            c.vi[slot] = FlowColumns.NO_PORT;
            setCurrent(slot, current);
        }
        byte state = deriveState(slot);
        c.state[slot] = state;
        stateCounts[state]++;
    }
}
