package org.fcredirect.shell.flow;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.shell.Services;
import org.fcredirect.flow.api.FlowService;

@Service
@Command(scope = "fcr", name = "flow-delete", description = "Deletes flows; their traffic takes the default path again")
public class FlowDeleteCommand implements Action {

    @Argument(index = 0, name = "ids", required = true, multiValued = true, description = "Flow ids")
    @Completion(FlowIdCompleter.class)
    List<String> ids;

    @Reference(optional = true)
    FlowService flows;

    @Override
    public Object execute() {
        Services.require(flows, "flow manager", "fcr-flow");
        // parse every id first, so a typo in the third deletes nothing
        List<FlowId> parsed = ids.stream().map(FlowId::parse).toList();
        for (FlowId id : parsed) {
            flows.delete(id);
            System.out.println("flow " + id + " deleted");
        }
        return null;
    }
}
