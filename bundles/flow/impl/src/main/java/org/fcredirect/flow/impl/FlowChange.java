package org.fcredirect.flow.impl;

import java.util.List;

import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.ApplianceSpec;
import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.flow.api.FlowSpec;
import org.fcredirect.flow.api.PortLogin;

/**
 * A change of the flow manager's state as it is stored in the event log: facts (what an operator
 * asked, what logged in, which appliance failed) and choices (which appliance a flow was given).
 * States are not stored: they follow from these by {@link FlowModel#apply}, the same way live and
 * on replay. Every change carries its time, so replay reproduces the times too.
 */
sealed interface FlowChange {

    /** When the change was made, microseconds since the epoch. */
    long micros();

    /** A decision and where it put the flow; names are null where absent. */
    record Placement(FlowAction action, String policy, String group, String home, FailoverMode failover,
            String current) {
    }

    record NewFlow(long id, FlowSpec spec, Placement placement) {
    }

    record FlowsCreated(long micros, List<NewFlow> flows) implements FlowChange {
    }

    record FlowDeleted(long micros, long id) implements FlowChange {
    }

    record Redecision(long id, Placement placement) {
    }

    /** Flows decided again: a policy changed, the policy engine appeared, a group gained a member. */
    record FlowsDecided(long micros, List<Redecision> flows) implements FlowChange {
    }

    /** @param current the appliance that carries the flow now, null for none */
    record Move(long id, String current) {
    }

    /** Flows carried by another appliance: failover to a standby, failback home. */
    record FlowsMoved(long micros, List<Move> moves) implements FlowChange {
    }

    record PortsLoggedIn(long micros, List<PortLogin> logins) implements FlowChange {
    }

    record PortLoggedOut(long micros, VsanId vsan, Wwn pwwn) implements FlowChange {
    }

    record ApplianceAdded(long micros, ApplianceSpec spec) implements FlowChange {
    }

    record ApplianceRemoved(long micros, String name) implements FlowChange {
    }

    /** @param reason why it was marked unhealthy; empty when healthy */
    record ApplianceHealthChanged(long micros, String name, boolean healthy, String reason) implements FlowChange {
    }
}
