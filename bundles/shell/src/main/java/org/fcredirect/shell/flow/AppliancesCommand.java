package org.fcredirect.shell.flow;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.ApplianceInventory;
import org.fcredirect.json.Json;
import org.fcredirect.shell.Services;
import org.fcredirect.shell.View;

@Service
@Command(scope = "fcr", name = "appliances", description = "Lists appliances: group, weight, health, flows, and their virtual ports with how many are in use per VSAN")
public class AppliancesCommand implements Action {

    @Option(name = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Reference(optional = true)
    ApplianceInventory appliances;

    @Override
    public Object execute() {
        Services.require(appliances, "flow manager", "fcr-flow");
        List<Appliance> list = appliances.list();
        View<Appliance> view = FlowViews.appliances(appliances::flowCount, appliances::poolUse);
        if (json) {
            System.out.println(Json.write(view.json(list)));
            return null;
        }
        view.table(list).print(System.out);
        return null;
    }
}
