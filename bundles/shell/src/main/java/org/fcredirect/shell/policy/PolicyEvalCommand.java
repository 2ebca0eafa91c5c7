package org.fcredirect.shell.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.fc.fcp.Lun;
import org.fcredirect.json.Json;
import org.fcredirect.policy.api.Decision;
import org.fcredirect.policy.api.FlowContext;
import org.fcredirect.policy.api.PolicyService;
import org.fcredirect.shell.Services;

@Service
@Command(scope = "fcr", name = "policy-eval", description = "Dry run: what the policies decide for an initiator, target, VSAN and LUN; changes nothing")
public class PolicyEvalCommand implements Action {

    @Option(name = "--vsan", aliases = "-v", required = true, description = "VSAN 1..4094")
    String vsan;

    @Option(name = "--initiator", aliases = "-i", required = true, description = "Initiator pWWN")
    String initiator;

    @Option(name = "--target", aliases = "-t", required = true, description = "Target pWWN")
    String target;

    @Option(name = "--lun", aliases = "-l", description = "LUN 0.." + Lun.MAX_NUMBER + "; default: a flow of every LUN")
    Integer lun;

    @Option(name = "--json", description = "Print JSON")
    boolean json;

    @Reference(optional = true)
    PolicyService policies;

    @Override
    public Object execute() {
        Services.require(policies, "policy engine", "fcr-policy");
        if (lun != null && (lun < 0 || lun > Lun.MAX_NUMBER)) {
            throw new IllegalArgumentException("--lun " + lun + ": must be 0.." + Lun.MAX_NUMBER);
        }
        FlowContext context = new FlowContext(VsanId.parse(vsan), Wwn.parse(initiator), Wwn.parse(target),
                lun == null ? OptionalInt.empty() : OptionalInt.of(lun));
        Decision d = policies.evaluateDryRun(context);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", d.action().toString());
        m.put("policy", d.policy().orElse(null));
        m.put("group", d.group().orElse(null));
        m.put("appliance", d.appliance().orElse(null));
        m.put("balancing", d.balancing().map(Object::toString).orElse(null));
        m.put("failover", d.failover().map(Object::toString).orElse(null));
        if (json) {
            System.out.println(Json.write(m));
        } else {
            System.out.println(d.matched() ? "matched policy " + d.policy().orElse("?") : "no policy matches: default decision");
            m.forEach((k, v) -> System.out.printf("  %-10s %s%n", k, v == null ? "-" : v));
        }
        return null;
    }
}
