package org.fcredirect.shell.flow;

import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.fastpath.api.RewriteRule;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowService;
import org.fcredirect.flow.api.NotFoundException;
import org.fcredirect.json.Json;
import org.fcredirect.shell.Services;

@Service
@Command(scope = "fcr", name = "flow-show", description = "Shows one flow: its spec, state, appliance, resolved FCIDs and compiled rewrite rules")
public class FlowShowCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "Flow id")
    @Completion(FlowIdCompleter.class)
    String id;

    @Option(name = "--json", description = "Print JSON instead of tables")
    boolean json;

    @Reference(optional = true)
    FlowService flows;

    @Override
    public Object execute() {
        Services.require(flows, "flow manager", "fcr-flow");
        FlowId flowId = FlowId.parse(id);
        Flow flow = flows.get(flowId).orElseThrow(() -> new NotFoundException("flow", id));
        List<RewriteRule> rules = flows.rules(flowId);
        if (json) {
            Map<String, Object> details = FlowViews.FLOWS.json(flow);
            details.put("rules", FlowViews.RULES.json(rules));
            System.out.println(Json.write(details));
            return null;
        }
        FlowViews.FLOWS.properties(flow).print(System.out);
        System.out.println();
        FlowViews.RULES.table(rules).print(System.out);
        return null;
    }
}
