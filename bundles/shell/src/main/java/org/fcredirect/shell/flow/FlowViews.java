package org.fcredirect.shell.flow;

import java.util.ArrayList;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.fcredirect.fastpath.api.RewriteRule;
import org.fcredirect.fc.FcId;
import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.PortLogin;
import org.fcredirect.flow.api.VirtualPorts;
import org.fcredirect.shell.View;

/** How flows, logins, appliances and rules look in tables and in JSON, the same in every command. */
final class FlowViews {
    static final View<Flow> FLOWS = new View<Flow>("no flows")
            .number("Id", "id", f -> f.id().value())
            .number("VSAN", "vsan", f -> f.spec().vsan().value())
            .column("Initiator", "initiator", f -> f.spec().initiator().toString())
            .column("Target", "target", f -> f.spec().target().toString())
            .column("LUN", "lun", f -> f.spec().lun().isPresent() ? f.spec().lun().getAsInt() : null,
                    f -> f.spec().lun().isPresent() ? Integer.toString(f.spec().lun().getAsInt()) : "*")
            .column("State", "state", f -> f.state().toString())
            .jsonOnly("action", f -> f.action().toString())
            .jsonOnly("policy", f -> f.policy().orElse(null))
            .jsonOnly("group", f -> f.group().orElse(null))
            .jsonOnly("home_appliance", f -> f.homeAppliance().orElse(null))
            .column("Appliance", "appliance", f -> f.appliance().orElse(null), FlowViews::applianceNow)
            .jsonOnly("failover", f -> f.failover().toString())
            .column("I FCID", "initiator_fcid", f -> f.initiatorFcid().map(FcId::toString).orElse(null))
            .column("T FCID", "target_fcid", f -> f.targetFcid().map(FcId::toString).orElse(null))
            .jsonOnly("description", f -> f.spec().description())
            .jsonOnly("created", f -> f.created().toString())
            .jsonOnly("updated", f -> f.updated().toString());

    static final View<RewriteRule> RULES = new View<RewriteRule>("no rules (the flow is not active)")
            .number("VSAN", "vsan", RewriteRule::vsan)
            .column("Match S_ID", "match_s_id", r -> FcId.format(r.matchSid()))
            .column("Match D_ID", "match_d_id", r -> FcId.format(r.matchDid()))
            .column("LUN", "lun", r -> r.lun() == RewriteRule.ANY_LUN ? null : r.lun(),
                    r -> r.lun() == RewriteRule.ANY_LUN ? "*" : Long.toString(r.lun()))
            .column("Action", "action", r -> r.action().name().toLowerCase(Locale.ROOT))
            .column("New S_ID", "new_s_id", r -> FcId.format(r.newSid()))
            .column("New D_ID", "new_d_id", r -> FcId.format(r.newDid()));

    static final View<PortLogin> LOGINS = new View<PortLogin>("no ports logged in")
            .number("VSAN", "vsan", l -> l.vsan().value())
            .column("pWWN", "pwwn", l -> l.pwwn().toString())
            .column("FCID", "fcid", l -> l.fcid().toString());

    private static final View<VirtualPorts> PORTS = new View<VirtualPorts>("")
            .jsonOnly("vsan", p -> p.vsan().value())
            .jsonOnly("vt_pwwn", p -> p.vtPwwn().toString())
            .jsonOnly("vt_fcid", p -> p.vtFcid().toString())
            .jsonOnly("vi_pwwn", p -> p.viPwwn().toString())
            .jsonOnly("vi_fcid", p -> p.viFcid().toString());

    private FlowViews() {
    }

    /** The appliances, with how many flows each serves as the inventory counts them. */
    static View<Appliance> appliances(ToLongFunction<String> flowCount) {
        return new View<Appliance>("no appliances")
                .column("Name", "name", Appliance::name)
                .column("Group", "group", Appliance::group)
                .number("Weight", "weight", Appliance::weight)
                .column("Health", "healthy", Appliance::healthy,
                        a -> a.healthy() ? "healthy" : "UNHEALTHY" + a.unhealthyReason().map(r -> ": " + r).orElse(""))
                .jsonOnly("unhealthy_reason", a -> a.unhealthyReason().orElse(null))
                .jsonOnly("health_since", a -> a.healthSince().toString())
                .number("Flows", "flows", a -> flowCount.applyAsLong(a.name()))
                .column("VSANs (VT / VI)", "ports", a -> PORTS.json(new ArrayList<>(a.ports().values())),
                        a -> a.ports().values().stream().map(p -> p.vsan() + " " + p.vtFcid() + " / " + p.viFcid())
                                .collect(Collectors.joining(", ")));
    }

    /** The appliance serving the flow now, and its home one while it is failed over. */
    private static String applianceNow(Flow f) {
        String now = f.appliance().orElse("-");
        return f.failedOver() ? now + " (home " + f.homeAppliance().orElse("-") + ")" : now;
    }
}
