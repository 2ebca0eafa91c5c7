package org.fcredirect.shell.flow;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.flow.api.ApplianceInventory;
import org.fcredirect.shell.Services;

@Service
@Command(scope = "fcr", name = "appliance-remove", description = "Removes an appliance that no flow uses any more")
public class ApplianceRemoveCommand implements Action {

    @Argument(index = 0, name = "name", required = true, description = "Appliance name")
    @Completion(ApplianceCompleter.class)
    String name;

    @Reference(optional = true)
    ApplianceInventory appliances;

    @Override
    public Object execute() {
        Services.require(appliances, "flow manager", "fcr-flow");
        appliances.remove(name);
        System.out.println("appliance " + name + " removed");
        return null;
    }
}
