package org.fcredirect.shell.monitor;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.monitor.api.MonitorService;
import org.fcredirect.monitor.api.HealthStatus;
import org.fcredirect.monitor.api.TargetHealth;
import org.fcredirect.shell.Services;
import org.fcredirect.shell.flow.ApplianceCompleter;

@Service
@Command(scope = "fcr", name = "appliance-fail", description = "Simulates an appliance outage: its heartbeats are ignored, so within"
        + " interval x threshold it turns unhealthy and its flows follow their failover modes (standby, bypass, block)")
public class ApplianceFailCommand implements Action {

    @Argument(index = 0, name = "name", required = true, description = "Appliance name")
    @Completion(ApplianceCompleter.class)
    String name;

    @Reference(optional = true)
    MonitorService monitor;

    @Override
    public Object execute() {
        Services.require(monitor, "monitor", "fcr-monitor");
        TargetHealth h = monitor.simulateFailure(name);
        String when = h.status() == HealthStatus.UNHEALTHY ? "unhealthy now"
                : "its heartbeats are ignored from now, unhealthy within " + h.timing().detection().toMillis() + " ms";
        System.out.println("appliance " + name + ": outage simulated; " + when);
        return null;
    }
}
