package org.fcredirect.shell.monitor;

import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.fabric.api.Fabric;
import org.fcredirect.fabric.api.FabricNode;
import org.fcredirect.json.Json;
import org.fcredirect.monitor.api.MonitorService;
import org.fcredirect.monitor.api.ServiceInfo;
import org.fcredirect.shell.Services;
import org.fcredirect.shell.View;
import org.fcredirect.shell.fabric.OtherNodes;

@Service
@Command(scope = "fcr", name = "services", description = "Lists every fcr service in the OSGi registry: bundle and version, PID, MBean, health and last heartbeat;"
        + " in a fabric, then each other node's services as its last heartbeat lists them")
public class ServicesCommand implements Action {

    @Option(name = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Reference(optional = true)
    MonitorService monitor;

    @Reference(optional = true)
    Fabric fabric;

    static final View<ServiceInfo> SERVICES = new View<ServiceInfo>("no fcr services registered")
            .column("Service", "name", ServiceInfo::name)
            .jsonOnly("interfaces", ServiceInfo::interfaces)
            .column("Bundle", "bundle", ServiceInfo::bundle, s -> s.bundle() + " [" + s.bundleId() + "]")
            .column("Version", "version", ServiceInfo::bundleVersion)
            .jsonOnly("bundle_id", ServiceInfo::bundleId)
            .column("PID", "pid", s -> s.pid().orElse(null))
            .column("MBean", "mbean", s -> s.mbean().orElse(null))
            .column("Health", "status", s -> s.status().toString())
            .column("Last heartbeat", "last_heartbeat", s -> s.lastHeartbeat().map(Object::toString).orElse(null))
            .jsonOnly("checks", ServiceInfo::checks);

    @Override
    public Object execute() {
        Services.require(monitor, "monitor", "fcr-monitor");
        List<ServiceInfo> services = monitor.services();
        List<FabricNode> others = OtherNodes.of(fabric);
        if (json) {
            List<Object> rows = new ArrayList<>(SERVICES.json(services));
            rows.addAll(OtherNodes.servicesJson(others));
            System.out.println(Json.write(rows));
            return null;
        }
        SERVICES.table(services).print(System.out);
        OtherNodes.printServices(others);
        return null;
    }
}
