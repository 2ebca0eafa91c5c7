package org.fcredirect.shell.flow;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.flow.api.ApplianceInventory;
import org.fcredirect.flow.api.NotFoundException;
import org.fcredirect.flow.api.PortAllocation;
import org.fcredirect.json.Json;
import org.fcredirect.shell.Services;

@Service
@Command(scope = "fcr", name = "appliance-ports", description = "Lists the virtual ports of an appliance in use: which VT stands"
        + " for which target, which VI for which host, and how many flows share each")
public class AppliancePortsCommand implements Action {

    @Argument(index = 0, name = "name", required = true, description = "Appliance name")
    @Completion(ApplianceCompleter.class)
    String name;

    @Option(name = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Reference(optional = true)
    ApplianceInventory appliances;

    @Override
    public Object execute() {
        Services.require(appliances, "flow manager", "fcr-flow");
        if (appliances.get(name).isEmpty()) {
            throw new NotFoundException("name", name, "no such appliance");
        }
        List<PortAllocation> ports = appliances.allocations(name);
        if (json) {
            System.out.println(Json.write(FlowViews.ALLOCATIONS.json(ports)));
            return null;
        }
        FlowViews.ALLOCATIONS.table(ports).print(System.out);
        return null;
    }
}
