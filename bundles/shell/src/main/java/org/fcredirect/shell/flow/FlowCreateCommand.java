package org.fcredirect.shell.flow;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.shell.Services;
import org.fcredirect.flow.api.FlowService;
import org.fcredirect.flow.api.FlowSpec;

@Service
@Command(scope = "fcr", name = "flow-create", description = "Creates a flow: the traffic of one initiator to one target in a VSAN,"
        + " redirected through an appliance as its policy (or --appliance) says")
public class FlowCreateCommand implements Action {

    @Option(name = "--vsan", aliases = "-v", required = true, description = "VSAN 1..4094")
    String vsan;

    @Option(name = "--initiator", aliases = "-i", required = true, description = "Initiator (host) pWWN, e.g. 20:00:00:25:b5:00:00:01")
    @Completion(WwnCompleter.class)
    String initiator;

    @Option(name = "--target", aliases = "-t", required = true, description = "Target (storage) pWWN")
    @Completion(WwnCompleter.class)
    String target;

    @Option(name = "--lun", aliases = "-l", description = "Only this LUN (0..16383); default every LUN")
    String lun;

    @Option(name = "--appliance", aliases = "-a", description = "Redirect through this appliance; default: the policy chooses")
    @Completion(ApplianceCompleter.class)
    String appliance;

    @Option(name = "--failover", aliases = "-f", description = "When the appliance fails: standby (another of its group),"
            + " bypass (direct path) or block (drop; for encryption); default: the policy's")
    @Completion(FailoverCompleter.class)
    String failover;

    @Option(name = "--description", aliases = "-d", description = "Free text, up to " + FlowSpec.MAX_DESCRIPTION + " characters")
    String description;

    @Reference(optional = true)
    FlowService flows;

    @Override
    public Object execute() {
        Services.require(flows, "flow manager", "fcr-flow");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(FlowSpec.VSAN, vsan);
        fields.put(FlowSpec.INITIATOR, initiator);
        fields.put(FlowSpec.TARGET, target);
        putIfSet(fields, FlowSpec.LUN, lun);
        putIfSet(fields, FlowSpec.APPLIANCE, appliance);
        putIfSet(fields, FlowSpec.FAILOVER, failover);
        putIfSet(fields, FlowSpec.DESCRIPTION, description);
        FlowId id = flows.create(FlowSpec.fromFields(fields));
        System.out.println("flow " + id + " created, " + flows.get(id).map(f -> "state " + f.state()).orElse("deleted meanwhile"));
        return null;
    }

    private static void putIfSet(Map<String, String> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }
}
