package org.fcredirect.shell.monitor;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.monitor.api.MonitorService;
import org.fcredirect.monitor.api.TargetHealth;
import org.fcredirect.shell.Services;
import org.fcredirect.shell.flow.ApplianceCompleter;

@Service
@Command(scope = "fcr", name = "appliance-recover", description = "Ends a simulated outage: the appliance is healthy again at its next heartbeat,"
        + " and its flows come back if the flow manager's failback setting says so")
public class ApplianceRecoverCommand implements Action {

    @Argument(index = 0, name = "name", required = true, description = "Appliance name")
    @Completion(ApplianceCompleter.class)
    String name;

    @Reference(optional = true)
    MonitorService monitor;

    @Override
    public Object execute() {
        Services.require(monitor, "monitor", "fcr-monitor");
        TargetHealth h = monitor.simulateRecovery(name);
        System.out.println("appliance " + name + ": outage over, now " + h.status());
        return null;
    }
}
