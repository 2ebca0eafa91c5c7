package org.fcredirect.shell.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.fcredirect.fastpath.api.RewriteRule;
import org.fcredirect.fc.FcId;
import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.PoolUse;
import org.fcredirect.flow.api.PortAllocation;
import org.fcredirect.flow.api.PortLogin;
import org.fcredirect.flow.api.PortPool;
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
            .jsonOnly("vt_fcid", f -> f.virtualTarget().map(a -> a.fcid().toString()).orElse(null))
            .jsonOnly("vt_pwwn", f -> f.virtualTarget().map(a -> a.pwwn().toString()).orElse(null))
            .jsonOnly("vi_fcid", f -> f.virtualInitiator().map(a -> a.fcid().toString()).orElse(null))
            .jsonOnly("vi_pwwn", f -> f.virtualInitiator().map(a -> a.pwwn().toString()).orElse(null))
            .jsonOnly("issue", f -> f.issue().orElse(null))
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

    static final View<PortAllocation> ALLOCATIONS = new View<PortAllocation>("no virtual ports in use")
            .number("VSAN", "vsan", a -> a.vsan().value())
            .column("Role", "role", a -> a.role().name())
            .column("FCID", "fcid", a -> a.address().fcid().toString())
            .column("pWWN", "pwwn", a -> a.address().pwwn().toString())
            .column("Stands for", "stands_for", a -> a.standsFor().toString())
            .number("Flows", "flows", PortAllocation::flows);

    private static final View<PoolUse> USE = new View<PoolUse>("")
            .jsonOnly("vsan", u -> u.vsan().value())
            .jsonOnly("allocated", PoolUse::allocated)
            .jsonOnly("total", PoolUse::total)
            .jsonOnly("waiting", PoolUse::waiting);

    private static final View<PortPool> POOLS = new View<PortPool>("")
            .jsonOnly("vsan", p -> p.vsan().value())
            .jsonOnly("first_fcid", p -> p.first().toString())
            .jsonOnly("last_fcid", p -> p.last().toString())
            .jsonOnly("wwn_base", p -> p.wwnBase().toString());

    private FlowViews() {
    }

    /** The appliances, with how many flows each serves and how much of each pool is in use. */
    static View<Appliance> appliances(ToLongFunction<String> flowCount, Function<String, List<PoolUse>> poolUse) {
        return new View<Appliance>("no appliances")
                .column("Name", "name", Appliance::name)
                .column("Group", "group", Appliance::group)
                .number("Weight", "weight", Appliance::weight)
                .column("Health", "healthy", Appliance::healthy,
                        a -> a.healthy() ? "healthy" : "UNHEALTHY" + a.unhealthyReason().map(r -> ": " + r).orElse(""))
                .jsonOnly("unhealthy_reason", a -> a.unhealthyReason().orElse(null))
                .jsonOnly("health_since", a -> a.healthSince().toString())
                .number("Flows", "flows", a -> flowCount.applyAsLong(a.name()))
                .jsonOnly("ports", a -> PORTS.json(new ArrayList<>(a.ports().values())))
                .jsonOnly("pools", a -> POOLS.json(new ArrayList<>(a.spec().pools().values())))
                .column("Virtual ports by VSAN (in use/total)", "pool_use", a -> USE.json(poolUse.apply(a.name())),
                        a -> poolUse.apply(a.name()).stream().map(u -> virtualPorts(a, u)).collect(Collectors.joining(", ")));
    }

    private static String virtualPorts(Appliance a, PoolUse u) {
        String ports = a.poolIn(u.vsan()).map(p -> p.first() + "-" + p.last())
                .orElseGet(() -> a.portsIn(u.vsan()).map(p -> p.vtFcid() + " / " + p.viFcid() + " fixed").orElse("?"));
        return u.vsan() + " " + ports + " " + u.allocated() + "/" + u.total()
                + (u.waiting() > 0 ? " (" + u.waiting() + " flows waiting)" : "");
    }

    /** The appliance serving the flow now, and its home one while it is failed over. */
    private static String applianceNow(Flow f) {
        String now = f.appliance().orElse("-");
        return f.failedOver() ? now + " (home " + f.homeAppliance().orElse("-") + ")" : now;
    }
}
