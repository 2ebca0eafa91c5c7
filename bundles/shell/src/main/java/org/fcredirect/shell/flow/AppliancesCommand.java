package org.fcredirect.shell.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.ApplianceInventory;
import org.fcredirect.shell.Json;
import org.fcredirect.shell.Services;

@Service
@Command(scope = "fcr", name = "appliances", description = "Lists appliances: group, weight, health, flows and virtual ports")
public class AppliancesCommand implements Action {

    @Option(name = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Reference(optional = true)
    ApplianceInventory appliances;

    @Override
    public Object execute() {
        Services.require(appliances, "flow manager", "fcr-flow");
        List<Appliance> list = appliances.list();
        if (json) {
            List<Object> out = new ArrayList<>();
            list.forEach(a -> out.add(FlowViews.applianceJson(a, appliances.flowCount(a.name()))));
            System.out.println(Json.write(out));
            return null;
        }
        ShellTable t = new ShellTable().emptyTableText("no appliances");
        t.column("Name");
        t.column("Group");
        t.column("Weight").alignRight();
        t.column("Health");
        t.column("Flows").alignRight();
        t.column("VSANs (VT / VI)");
        for (Appliance a : list) {
            String health = a.healthy() ? "healthy" : "UNHEALTHY" + a.unhealthyReason().map(r -> ": " + r).orElse("");
            String ports = a.ports().values().stream()
                    .map(p -> p.vsan() + " " + p.vtFcid() + " / " + p.viFcid()).collect(Collectors.joining(", "));
            t.addRow().addContent(a.name(), a.group(), a.weight(), health, appliances.flowCount(a.name()), ports);
        }
        t.print(System.out);
        return null;
    }
}
