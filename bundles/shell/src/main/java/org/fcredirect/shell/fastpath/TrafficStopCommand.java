package org.fcredirect.shell.fastpath;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.shell.Services;
import org.fcredirect.traffic.api.TrafficService;

@Service
@Command(scope = "fcr", name = "traffic-stop", description = "Stops the traffic generator; exchanges in flight complete, then its ports log out if it cleans up")
public class TrafficStopCommand implements Action {

    @Option(name = "--json", description = "Print JSON")
    boolean json;

    @Reference(optional = true)
    TrafficService traffic;

    @Override
    public Object execute() {
        Services.require(traffic, "traffic service", "fcr-traffic");
        var status = traffic.stopTraffic();
        TrafficViews.show(status, json);
        return null;
    }
}
