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
import org.fcredirect.monitor.api.HealthStatus;
import org.fcredirect.monitor.api.MonitorService;
import org.fcredirect.monitor.api.TargetHealth;
import org.fcredirect.shell.Services;
import org.fcredirect.shell.View;
import org.fcredirect.shell.fabric.OtherNodes;

@Service
@Command(scope = "fcr", name = "health", description = "Shows the health of every service check and appliance: status, since when, failures against the threshold;"
        + " in a fabric, each other node as the check fabric/<node>, then its own targets as its last heartbeat lists them")
public class HealthCommand implements Action {
    static final long WATCH_MILLIS = 2000;

    @Option(name = "--watch", aliases = "-w", description = "Redraw every 2 s until Ctrl-C")
    boolean watch;

    @Option(name = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Reference(optional = true)
    MonitorService monitor;

    @Reference(optional = true)
    Fabric fabric;

    static final View<TargetHealth> HEALTH = new View<TargetHealth>("nothing is monitored yet")
            .column("Kind", "kind", h -> h.kind().toString())
            .column("Target", "target", TargetHealth::name)
            .column("Status", "status", h -> h.status().toString(),
                    h -> h.status().toString() + (h.outageSimulated() ? " (simulated)" : ""))
            .column("Since", "since", h -> h.since().toString())
            .tableOnlyNumber("Failures", h -> h.consecutiveFailures() + "/" + h.timing().threshold())
            .tableOnly("Every / timeout",
                    h -> h.timing().interval().toMillis() + " ms / " + h.timing().timeout().toMillis() + " ms")
            .column("Message", "message", TargetHealth::message).clipped(60)
            .jsonOnly("details", TargetHealth::details)
            .jsonOnly("consecutive_failures", TargetHealth::consecutiveFailures)
            .jsonOnly("threshold", h -> h.timing().threshold())
            .jsonOnly("interval_ms", h -> h.timing().interval().toMillis())
            .jsonOnly("timeout_ms", h -> h.timing().timeout().toMillis())
            .jsonOnly("last_run", h -> h.lastRun().map(Object::toString).orElse(null))
            .jsonOnly("last_healthy", h -> h.lastHealthy().map(Object::toString).orElse(null))
            .jsonOnly("outage_simulated", TargetHealth::outageSimulated);

    @Override
    public Object execute() throws InterruptedException {
        Services.require(monitor, "monitor", "fcr-monitor");
        if (json) {
            List<Object> rows = new ArrayList<>(HEALTH.json(monitor.health()));
            rows.addAll(OtherNodes.targetsJson(OtherNodes.of(fabric)));
            System.out.println(Json.write(rows));
            return null;
        }
        do {
            if (watch) {
                System.out.print("\033[H\033[2J");
            }
            print(monitor.health());
            OtherNodes.printTargets(OtherNodes.of(fabric));
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
        HEALTH.table(health).print(System.out);
    }
}
