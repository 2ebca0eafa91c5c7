package org.fcredirect.shell.monitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fcredirect.json.Json;
import org.fcredirect.monitor.api.MonitorService;
import org.fcredirect.monitor.api.ServiceInfo;
import org.fcredirect.shell.Services;

@Service
@Command(scope = "fcr", name = "services", description = "Lists every fcr service in the OSGi registry: bundle and version, PID, MBean, health and last heartbeat")
public class ServicesCommand implements Action {

    @Option(name = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Reference(optional = true)
    MonitorService monitor;

    @Override
    public Object execute() {
        Services.require(monitor, "monitor", "fcr-monitor");
        List<ServiceInfo> services = monitor.services();
        if (json) {
            List<Object> out = new ArrayList<>();
            for (ServiceInfo s : services) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", s.name());
                m.put("interfaces", s.interfaces());
                m.put("bundle", s.bundle());
                m.put("version", s.bundleVersion());
                m.put("bundle_id", s.bundleId());
                m.put("pid", s.pid().orElse(null));
                m.put("mbean", s.mbean().orElse(null));
                m.put("status", s.status().toString());
                m.put("last_heartbeat", s.lastHeartbeat().map(Object::toString).orElse(null));
                m.put("checks", s.checks());
                out.add(m);
            }
            System.out.println(Json.write(out));
            return null;
        }
        ShellTable t = new ShellTable().emptyTableText("no fcr services registered");
        t.column("Service");
        t.column("Bundle");
        t.column("Version");
        t.column("PID");
        t.column("MBean");
        t.column("Health");
        t.column("Last heartbeat");
        for (ServiceInfo s : services) {
            t.addRow().addContent(s.name(), s.bundle() + " [" + s.bundleId() + "]", s.bundleVersion(), s.pid().orElse("-"),
                    s.mbean().orElse("-"), s.status(), s.lastHeartbeat().map(Object::toString).orElse("-"));
        }
        t.print(System.out);
        return null;
    }
}
