package org.fcredirect.flow.impl;

import org.fcredirect.flow.api.FlowFilter;

/** A {@link FlowFilter} compiled to compares on {@link FlowColumns}, so a scan builds no flow values. */
final class SlotFilter {
    private final FlowColumns c;
    private final int vsan;
    private final boolean byInitiator;
    private final long initiator;
    private final boolean byTarget;
    private final long target;
    /** Name index of the appliance, {@link NameTable#NONE} for any; NO_SUCH_NAME when it was never named. */
    private final int appliance;
    private final int state;
    private static final int ANY = -1;
    private static final int NO_SUCH_NAME = -2;

    SlotFilter(FlowFilter f, FlowModel model) {
        c = model.flows.c;
        vsan = f.vsan().map(v -> v.value()).orElse(ANY);
        byInitiator = f.initiator().isPresent();
        initiator = f.initiator().map(w -> w.value()).orElse(0L);
        byTarget = f.target().isPresent();
        target = f.target().map(w -> w.value()).orElse(0L);
        appliance = f.appliance().map(name -> {
            int i = model.names.find(name);
            return i == NameTable.NONE ? NO_SUCH_NAME : i;
        }).orElse(ANY);
        state = f.state().map(Enum::ordinal).orElse(ANY);
    }

    /** {@code true} when the filter selects every flow. */
    boolean all() {
        return vsan == ANY && !byInitiator && !byTarget && appliance == ANY && state == ANY;
    }

    /** Whether the live slot matches. */
    boolean matches(int s) {
        return (vsan == ANY || c.vsan[s] == vsan)
                && (!byInitiator || c.initiator[s] == initiator)
                && (!byTarget || c.target[s] == target)
                && (appliance == ANY || c.home[s] == appliance || c.current[s] == appliance)
                && (state == ANY || c.state[s] == state);
    }
}
