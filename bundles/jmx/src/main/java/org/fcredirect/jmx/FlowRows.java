package org.fcredirect.jmx;

import static org.fcredirect.jmx.RowType.column;

import java.util.Optional;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.SimpleType;
import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.FlowState;

/** Flows, flow moves and appliances as open-type rows: the FlowManager MBean's tables and notifications. */
final class FlowRows {
    static final RowType STATE_COUNT = new RowType("FlowStateCount", "Flows in one state",
            column("state", "pending, active, direct, dropped, bypassed or blocked", SimpleType.STRING),
            column("flows", "Flows in that state (flows)", SimpleType.LONG));

    static final RowType VIRTUAL_PORTS = new RowType("VirtualPorts", "An appliance's virtual ports in one VSAN",
            column("pool", "APPLIANCE/VSAN, e.g. enc-1/10", SimpleType.STRING),
            column("appliance", "The appliance's name", SimpleType.STRING),
            column("vsan", "The VSAN (1..4094)", SimpleType.INTEGER),
            column("inUse", "Addresses held by a VT or a VI (addresses)", SimpleType.LONG),
            column("total", "Addresses of the pool; 2 for a fixed VT/VI pair (addresses)", SimpleType.LONG),
            column("waiting", "Redirected flows placed there that found no free address (flows)", SimpleType.LONG));

    static final RowType IGNORED_LOGINS = new RowType("IgnoredLoginFrames", "Punted login frames ignored for one reason",
            column("reason", "Why the frames were ignored", SimpleType.STRING),
            column("frames", "Frames ignored for this reason since the start (frames)", SimpleType.LONG));

    static final RowType APPLIANCE = new RowType("Appliance", "One appliance of the inventory",
            column("name", "The appliance's name", SimpleType.STRING),
            column("group", "Its appliance group", SimpleType.STRING),
            column("weight", "Its share of the group's new flows (relative weight)", SimpleType.INTEGER),
            column("healthy", "Marked healthy by the monitor (true/false)", SimpleType.BOOLEAN),
            column("unhealthyReason", "Why it is unhealthy; empty while healthy", SimpleType.STRING),
            column("since", "When its health last changed (ISO-8601 UTC)", SimpleType.STRING));

    private static final RowType FLOW = new RowType("Flow", "One flow",
            column("flowId", "The flow's id", SimpleType.LONG),
            column("vsan", "The flow's VSAN", SimpleType.INTEGER),
            column("initiator", "Initiator port WWN", SimpleType.STRING),
            column("target", "Target port WWN", SimpleType.STRING),
            column("lun", "The LUN it is narrowed to; - for every LUN", SimpleType.STRING),
            column("state", "pending, active, direct, dropped, bypassed or blocked", SimpleType.STRING),
            column("action", "The decision: redirect, permit or drop", SimpleType.STRING),
            column("policy", "The policy that decided; - for an explicit appliance", SimpleType.STRING),
            column("homeAppliance", "The appliance it is placed on while that is healthy; - for none", SimpleType.STRING),
            column("appliance", "The appliance its frames pass through now; - for none", SimpleType.STRING),
            column("failover", "What happens when its appliance fails: standby, bypass or block", SimpleType.STRING),
            column("initiatorFcid", "The initiator's FCID; - while it is not logged in", SimpleType.STRING),
            column("targetFcid", "The target's FCID; - while it is not logged in", SimpleType.STRING),
            column("updated", "When it last changed (ISO-8601 UTC)", SimpleType.STRING));

    static final RowType MOVE = new RowType("FlowMove", "A flow's frames took another way",
            column("flowId", "The flow's id", SimpleType.LONG),
            column("vsan", "The flow's VSAN", SimpleType.INTEGER),
            column("initiator", "Initiator port WWN", SimpleType.STRING),
            column("target", "Target port WWN", SimpleType.STRING),
            column("from", "Its state before", SimpleType.STRING),
            column("to", "Its state now", SimpleType.STRING),
            column("fromAppliance", "The appliance its frames passed through before; - for none", SimpleType.STRING),
            column("appliance", "The appliance its frames pass through now; - for none", SimpleType.STRING),
            column("homeAppliance", "The appliance it is placed on while that is healthy; - for none", SimpleType.STRING),
            column("failover", "Its failover mode: standby, bypass or block", SimpleType.STRING));

    private FlowRows() {
    }

    static CompositeData flow(Flow f) {
        return FLOW.row(f.id().value(), f.spec().vsan().value(), f.spec().initiator().toString(), f.spec().target().toString(),
                f.spec().lun().isPresent() ? Integer.toString(f.spec().lun().getAsInt()) : "-", f.state().toString(),
                f.action().toString(), text(f.policy()), text(f.homeAppliance()), text(f.appliance()),
                f.failover().toString(), text(f.initiatorFcid()), text(f.targetFcid()), f.updated().toString());
    }

    static CompositeData move(Flow f, FlowState from, Optional<String> fromAppliance) {
        return MOVE.row(f.id().value(), f.spec().vsan().value(), f.spec().initiator().toString(), f.spec().target().toString(),
                from.toString(), f.state().toString(), text(fromAppliance), text(f.appliance()), text(f.homeAppliance()),
                f.failover().toString());
    }

    static CompositeData appliance(Appliance a) {
        return APPLIANCE.row(a.spec().name(), a.spec().group(), a.spec().weight(), a.healthy(), a.unhealthyReason().orElse(""),
                a.healthSince().toString());
    }

    private static String text(Optional<?> value) {
        return value.map(Object::toString).orElse("-");
    }
}
