package org.fcredirect.shell.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.policy.api.Policy;
import org.fcredirect.policy.api.PolicyService;
import org.fcredirect.shell.Services;
import org.fcredirect.shell.flow.ApplianceGroupCompleter;

@Service
@Command(scope = "fcr", name = "policy-add", description = "Adds a policy (or replaces one with --update): which flows it matches,"
        + " and whether they are redirected to an appliance group, permitted on the direct path or dropped")
public class PolicyAddCommand implements Action {

    @Argument(index = 0, name = "name", required = true, description = "Policy name")
    String name;

    @Option(name = "--priority", aliases = "-p", required = true, description = "Lower wins; "
            + Policy.MIN_PRIORITY + ".." + Policy.MAX_PRIORITY + "; two overlapping policies cannot share one")
    String priority;

    @Option(name = "--vsan", aliases = "-v", multiValued = true,
            description = "VSAN matched; repeat for several (--vsan 10 --vsan 20); default every VSAN")
    List<String> vsan;

    @Option(name = "--initiator", aliases = "-i", description = "Initiator pWWN or prefix pattern, e.g. 20:00:00:25:b5:* (default *)")
    String initiator;

    @Option(name = "--target", aliases = "-t", description = "Target pWWN or prefix pattern (default *)")
    String target;

    @Option(name = "--lun", aliases = "-l", description = "LUN or range, e.g. 3 or 0-15 (default *)")
    String lun;

    @Option(name = "--action", aliases = "-a", required = true, description = "redirect, permit or drop")
    String action;

    @Option(name = "--group", aliases = "-g", description = "Appliance group to redirect to (redirect only)")
    @Completion(ApplianceGroupCompleter.class)
    String group;

    @Option(name = "--balancing", aliases = "-b", description = "How redirect picks an appliance of the group:"
            + " target-affinity (every host of a target on one appliance), least-loaded, round-robin")
    String balancing;

    @Option(name = "--failover", aliases = "-f", description = "Default failover mode of its flows: standby, bypass, block")
    String failover;

    @Option(name = "--description", aliases = "-d", description = "Free text")
    String description;

    @Option(name = "--update", aliases = "-u", description = "Replace the existing policy of that name")
    boolean update;

    @Reference(optional = true)
    PolicyService policies;

    @Override
    public Object execute() {
        Services.require(policies, "policy engine", "fcr-policy");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(Policy.NAME, name);
        fields.put(Policy.PRIORITY, priority);
        fields.put(Policy.ACTION, action);
        putIfSet(fields, Policy.VSAN, vsan == null ? null : String.join(",", vsan));
        putIfSet(fields, Policy.INITIATOR, initiator);
        putIfSet(fields, Policy.TARGET, target);
        putIfSet(fields, Policy.LUN, lun);
        putIfSet(fields, Policy.GROUP, group);
        putIfSet(fields, Policy.BALANCING, balancing);
        putIfSet(fields, Policy.FAILOVER, failover);
        putIfSet(fields, Policy.DESCRIPTION, description);
        Policy policy = Policy.fromFields(fields);
        if (update) {
            policies.update(policy);
            System.out.println("policy " + policy.name() + " updated");
        } else {
            policies.add(policy);
            System.out.println("policy " + policy.name() + " added");
        }
        return null;
    }

    private static void putIfSet(Map<String, String> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }
}
