package org.fcredirect.flow.impl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.ApplianceInventory;
import org.fcredirect.flow.api.ApplianceSpec;
import org.fcredirect.flow.api.NotFoundException;
import org.fcredirect.flow.api.PoolUse;
import org.fcredirect.flow.api.PortAllocation;
import org.fcredirect.flow.api.PortLogin;
import org.fcredirect.flow.api.PortPool;
import org.fcredirect.flow.api.ValidationException;
import org.fcredirect.flow.api.VirtualPorts;
import org.fcredirect.flow.impl.FlowChange.ApplianceAdded;
import org.fcredirect.flow.impl.FlowChange.ApplianceHealthChanged;
import org.fcredirect.flow.impl.FlowChange.ApplianceRemoved;
import org.fcredirect.flow.impl.FlowChange.FlowsMoved;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance inventory over the {@link FlowStore}. The policy engine needs it and the flow
 * manager needs the policy engine, so it is a component of its own that references only the
 * store: no reference loop. Health changes fail flows over (or back) in the same change, so the
 * inventory's events and the moves they cause share the store's stream and its order.
 */
@Component(service = ApplianceInventory.class, immediate = true,
        property = "fcr.mbean=org.fcredirect:type=FlowManager")
public class InventoryManager implements ApplianceInventory {
    private static final Logger LOG = LoggerFactory.getLogger(InventoryManager.class);
    private static final int MAX_REASON = 256;

    private final FlowStore store;
    private final FlowModel model;

    @Activate
    public InventoryManager(@Reference(name = "store") FlowStore store) {
        this.store = store;
        this.model = store.model();
    }

    @Override
    public void add(ApplianceSpec spec) {
        Objects.requireNonNull(spec, "spec");
        store.change(effects -> {
            if (model.appliances().get(spec.name()).isPresent()) {
                throw new ValidationException("name", spec.name(), "an appliance of this name exists");
            }
            for (VirtualPorts p : spec.ports().values()) {
                checkVirtualPort(p.vsan(), p.vtPwwn(), p.vtFcid(), "vt");
                checkVirtualPort(p.vsan(), p.viPwwn(), p.viFcid(), "vi");
            }
            spec.pools().values().forEach(this::checkPool);
            store.commit(List.of(new ApplianceAdded(store.now(), spec)), effects);
            store.commitFollowUp("Placing flows of group " + spec.group(), () -> store.reconcile(spec.group()), effects);
            LOG.info("Appliance {} added to group {} (weight {}, VSANs {}{})", spec.name(), spec.group(), spec.weight(),
                    spec.vsans(), spec.pools().isEmpty() ? "" : ", pools " + spec.pools().values());
            return null;
        });
    }

    private void checkVirtualPort(VsanId vsan, Wwn pwwn, FcId fcid, String which) {
        model.appliances().holderOf(vsan, pwwn.value(), fcid.value()).ifPresent(a -> {
            throw new ValidationException(which + " port", pwwn + " " + fcid, "appliance " + a.name()
                    + " holds this pWWN or FCID in VSAN " + vsan);
        });
        long holder = model.logins.wwnAt(vsan.value(), fcid.value());
        if (holder != LongLongMap.MISSING && holder != pwwn.value()) {
            throw new ValidationException(which + " fcid", fcid, "is held by logged-in port " + Wwn.format(holder)
                    + " in VSAN " + vsan);
        }
        int loggedIn = model.logins.fcidOf(vsan.value(), pwwn.value());
        if (loggedIn != LoginRegistry.NOT_LOGGED_IN && loggedIn != fcid.value()) {
            throw new ValidationException(which + " pwwn", pwwn, "is logged in with FCID " + FcId.format(loggedIn)
                    + " in VSAN " + vsan);
        }
    }

    private void checkPool(PortPool pool) {
        model.appliances().overlapping(pool).ifPresent(a -> {
            throw new ValidationException("pool", pool, "shares FCIDs or pWWNs with appliance " + a.name() + " in VSAN "
                    + pool.vsan());
        });
        for (PortLogin p : model.logins.list(pool.vsan().value())) {
            if (pool.containsFcid(p.fcid().value()) || pool.containsPwwn(p.pwwn().value())) {
                throw new ValidationException("pool", pool, "holds the address of logged-in port " + p.pwwn() + " "
                        + p.fcid() + " in VSAN " + pool.vsan());
            }
        }
    }

    @Override
    public void remove(String name) {
        store.change(effects -> {
            if (model.appliances().get(name).isEmpty()) {
                throw new NotFoundException("name", name, "no such appliance");
            }
            int index = model.names.find(name);
            FlowColumns c = model.flows.c;
            long[] users = {0, 0};
            model.flows.forEachLive(s -> {
                if (index != NameTable.NONE && (c.explicit[s] == index || c.home[s] == index || c.current[s] == index)) {
                    if (users[0]++ == 0) {
                        users[1] = c.id[s];
                    }
                }
            });
            if (users[0] > 0) {
                throw new ValidationException("name", name, users[0] + " flows use it (flow " + users[1]
                        + " is one); delete them or let them fail over first");
            }
            store.commit(List.of(new ApplianceRemoved(store.now(), name)), effects);
            LOG.info("Appliance {} removed", name);
            return null;
        });
    }

    @Override
    public Optional<Appliance> get(String name) {
        return model.appliances().get(name);
    }

    @Override
    public List<Appliance> list() {
        return model.appliances().list();
    }

    @Override
    public void markUnhealthy(String name, String reason) {
        String why = reason == null || reason.isBlank() ? "unspecified" : reason.strip();
        if (why.length() > MAX_REASON || why.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("reason", why, "must be at most " + MAX_REASON
                    + " characters without control characters");
        }
        markHealth(name, false, why);
    }

    @Override
    public void markHealthy(String name) {
        markHealth(name, true, "");
    }

    private void markHealth(String name, boolean healthy, String reason) {
        store.change(effects -> {
            Appliance a = model.appliances().get(name)
                    .orElseThrow(() -> new NotFoundException("name", name, "no such appliance"));
            if (a.healthy() == healthy) {
                return null;
            }
            store.commit(List.of(new ApplianceHealthChanged(store.now(), name, healthy, reason)), effects);
            List<FlowChange> follow = store.commitFollowUp((healthy ? "Failing back to " : "Failing over from ") + name,
                    () -> store.reconcile(a.group()), effects);
            store.placeWaiting(effects);
            long moved = follow.stream().filter(FlowsMoved.class::isInstance)
                    .mapToLong(f -> ((FlowsMoved) f).moves().size()).sum();
            if (healthy) {
                LOG.info("Appliance {} healthy again: {} flows touched, {} moved", name, effects.touchedCount(), moved);
            } else {
                LOG.warn("Appliance {} unhealthy ({}): {} flows touched, {} moved to a standby", name, reason,
                        effects.touchedCount(), moved);
            }
            return null;
        });
    }

    @Override
    public List<PoolUse> poolUse(String name) {
        return store.read(() -> model.pools.use(name));
    }

    @Override
    public List<PortAllocation> allocations(String name) {
        return store.read(() -> model.pools.allocations(name));
    }

    @Override
    public long flowCount(String name) {
        return model.load(name);
    }

    @Override
    public long version() {
        return model.appliances().version();
    }
}
