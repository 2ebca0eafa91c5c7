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
import org.fcredirect.monitor.api.HealthStatus;
import org.fcredirect.monitor.api.MonitorService;
import org.fcredirect.monitor.api.TargetHealth;
import org.fcredirect.shell.Services;

@Service
@Command(scope = "fcr", name = "health", description = "Shows the health of every service check and appliance: status, since when, failures against the threshold")
public class HealthCommand implements Action {
    static final long WATCH_MILLIS = 2000;

    @Option(name = "--watch", aliases = "-w", description = "Redraw every 2 s until Ctrl-C")
    boolean watch;

    @Option(name = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Reference(optional = true)
    MonitorService monitor;

    @Override
    public Object execute() throws InterruptedException {
        Services.require(monitor, "monitor", "fcr-monitor");
        if (json) {
            List<Object> out = new ArrayList<>();
            monitor.health().forEach(h -> out.add(toJson(h)));
            System.out.println(Json.write(out));
            return null;
        }
        do {
            if (watch) {
                System.out.print("\033[H\033[2J");
            }
            print(monitor.health());
            if (watch) {
                Thread.sleep(WATCH_MILLIS);
            }
        } while (watch && !Thread.currentThread().isInterrupted());
        return null;
    }

    static void print(List<TargetHealth> health) {
        long unhealthy = health.stream().filter(h -> h.status() == HealthStatus.UNHEALTHY).count();
        System.out.println(unhealthy == 0 ? "all " + health.size() + " targets healthy or not yet checked"
                : unhealthy + " of " + health.size() + " targets UNHEALTHY");
        ShellTable t = new ShellTable().emptyTableText("nothing is monitored yet");
        t.column("Kind");
        t.column("Target");
        t.column("Status");
        t.column("Since");
        t.column("Failures").alignRight();
        t.column("Every / timeout");
        t.column("Message").maxSize(60);
        for (TargetHealth h : health) {
            String status = h.status().toString() + (h.outageSimulated() ? " (simulated)" : "");
            t.addRow().addContent(h.kind(), h.name(), status, h.since(), h.consecutiveFailures() + "/" + h.timing().threshold(),
                    h.timing().interval().toMillis() + " ms / " + h.timing().timeout().toMillis() + " ms", h.message());
        }
        t.print(System.out);
    }

    static Map<String, Object> toJson(TargetHealth h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", h.kind().toString());
        m.put("target", h.name());
        m.put("status", h.status().toString());
        m.put("since", h.since().toString());
        m.put("message", h.message());
        m.put("details", h.details());
        m.put("consecutive_failures", h.consecutiveFailures());
        m.put("threshold", h.timing().threshold());
        m.put("interval_ms", h.timing().interval().toMillis());
        m.put("timeout_ms", h.timing().timeout().toMillis());
        m.put("last_run", h.lastRun().map(Object::toString).orElse(null));
        m.put("last_healthy", h.lastHealthy().map(Object::toString).orElse(null));
        m.put("outage_simulated", h.outageSimulated());
        return m;
    }
}
