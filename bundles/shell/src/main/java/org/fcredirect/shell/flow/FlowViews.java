package org.fcredirect.shell.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fcredirect.fastpath.api.RewriteRule;
import org.fcredirect.fc.FcId;
import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.PortLogin;
import org.fcredirect.flow.api.VirtualPorts;

/** How flows, logins, appliances and rules look in tables and in JSON, the same in every command. */
final class FlowViews {
    private FlowViews() {
    }

    static ShellTable flowTable(List<Flow> flows) {
        ShellTable t = new ShellTable().emptyTableText("no flows");
        t.column("Id").alignRight();
        t.column("VSAN").alignRight();
        t.column("Initiator");
        t.column("Target");
        t.column("LUN");
        t.column("State");
        t.column("Appliance");
        t.column("I FCID");
        t.column("T FCID");
        for (Flow f : flows) {
            t.addRow().addContent(f.id(), f.spec().vsan(), f.spec().initiator(), f.spec().target(), lun(f),
                    f.state(), appliance(f), fcid(f.initiatorFcid()), fcid(f.targetFcid()));
        }
        return t;
    }

    static String lun(Flow f) {
        return f.spec().lun().isPresent() ? Integer.toString(f.spec().lun().getAsInt()) : "*";
    }

    static String appliance(Flow f) {
        String now = f.appliance().orElse("-");
        return f.failedOver() ? now + " (home " + f.homeAppliance().orElse("-") + ")" : now;
    }

    static String fcid(Optional<FcId> id) {
        return id.map(FcId::toString).orElse("-");
    }

    static Map<String, Object> flowJson(Flow f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id().value());
        m.put("vsan", f.spec().vsan().value());
        m.put("initiator", f.spec().initiator().toString());
        m.put("target", f.spec().target().toString());
        m.put("lun", f.spec().lun().isPresent() ? (Object) f.spec().lun().getAsInt() : null);
        m.put("state", f.state().toString());
        m.put("action", f.action().toString());
        m.put("policy", f.policy().orElse(null));
        m.put("group", f.group().orElse(null));
        m.put("home_appliance", f.homeAppliance().orElse(null));
        m.put("appliance", f.appliance().orElse(null));
        m.put("failover", f.failover().toString());
        m.put("initiator_fcid", f.initiatorFcid().map(FcId::toString).orElse(null));
        m.put("target_fcid", f.targetFcid().map(FcId::toString).orElse(null));
        m.put("description", f.spec().description());
        m.put("created", f.created().toString());
        m.put("updated", f.updated().toString());
        return m;
    }

    static ShellTable ruleTable(List<RewriteRule> rules) {
        ShellTable t = new ShellTable().emptyTableText("no rules (the flow is not active)");
        t.column("VSAN").alignRight();
        t.column("Match S_ID");
        t.column("Match D_ID");
        t.column("LUN");
        t.column("Action");
        t.column("New S_ID");
        t.column("New D_ID");
        for (RewriteRule r : rules) {
            t.addRow().addContent(r.vsan(), FcId.format(r.matchSid()), FcId.format(r.matchDid()), ruleLun(r), ruleAction(r),
                    FcId.format(r.newSid()), FcId.format(r.newDid()));
        }
        return t;
    }

    static String ruleAction(RewriteRule r) {
        return r.action().name().toLowerCase(Locale.ROOT);
    }

    static String ruleLun(RewriteRule r) {
        return r.lun() == RewriteRule.ANY_LUN ? "*" : Long.toString(r.lun());
    }

    static Map<String, Object> ruleJson(RewriteRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vsan", r.vsan());
        m.put("match_s_id", FcId.format(r.matchSid()));
        m.put("match_d_id", FcId.format(r.matchDid()));
        m.put("lun", r.lun() == RewriteRule.ANY_LUN ? null : (Object) r.lun());
        m.put("action", ruleAction(r));
        m.put("new_s_id", FcId.format(r.newSid()));
        m.put("new_d_id", FcId.format(r.newDid()));
        return m;
    }

    static Map<String, Object> loginJson(PortLogin l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vsan", l.vsan().value());
        m.put("pwwn", l.pwwn().toString());
        m.put("fcid", l.fcid().toString());
        return m;
    }

    static Map<String, Object> applianceJson(Appliance a, long flows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("group", a.group());
        m.put("weight", a.weight());
        m.put("healthy", a.healthy());
        m.put("unhealthy_reason", a.unhealthyReason().orElse(null));
        m.put("health_since", a.healthSince().toString());
        m.put("flows", flows);
        List<Object> ports = new ArrayList<>();
        for (VirtualPorts p : a.ports().values()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("vsan", p.vsan().value());
            pm.put("vt_pwwn", p.vtPwwn().toString());
            pm.put("vt_fcid", p.vtFcid().toString());
            pm.put("vi_pwwn", p.viPwwn().toString());
            pm.put("vi_fcid", p.viFcid().toString());
            ports.add(pm);
        }
        m.put("ports", ports);
        return m;
    }
}
