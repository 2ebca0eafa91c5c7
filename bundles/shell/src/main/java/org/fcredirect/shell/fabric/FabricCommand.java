package org.fcredirect.shell.fabric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.fabric.api.Fabric;
import org.fcredirect.fabric.api.FabricNode;
import org.fcredirect.fabric.api.FabricView;
import org.fcredirect.fabric.api.NodeAddress;
import org.fcredirect.json.Json;
import org.fcredirect.monitor.api.HealthStatus;
import org.fcredirect.shell.Services;
import org.fcredirect.shell.View;

@Service
@Command(scope = "fcr", name = "fabric", description = "Lists the nodes sharing this node's event log, from their heartbeats: id, address,"
        + " applied sequence, lag behind the log, health and last heartbeat. With the local file log: this node only")
public class FabricCommand implements Action {

    @Option(name = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Reference(optional = true)
    Fabric fabric;

    static final View<FabricNode> NODES = new View<FabricNode>("no node")
            .column("Node", "id", FabricNode::id, n -> n.id() + (n.local() ? " *" : ""))
            .jsonOnly("local", FabricNode::local)
            .column("Address", "address", n -> address(n.address()), n -> n.address().toString())
            .number("Applied", "applied_sequence", FabricNode::appliedSequence, n -> known(n.appliedSequence()))
            .number("Lag", "lag", FabricNode::lag, n -> known(n.lag()))
            .jsonOnly("streams", FabricNode::streams)
            .column("Health", "status", n -> n.status().toString())
            .column("Last heartbeat", "last_heartbeat", n -> n.lastHeartbeat().map(Object::toString).orElse(null),
                    n -> n.local() ? "(this node)" : seconds(n.heartbeatAge().toMillis()) + " ago")
            .jsonOnly("heartbeat_age_ms", n -> n.heartbeatAge().toMillis())
            .jsonOnly("timeout_ms", n -> n.timeout().toMillis())
            .column("Message", "health", FabricNode::health).clipped(60)
            .jsonOnly("services", n -> n.services().size())
            .jsonOnly("targets", n -> n.targets().size());

    @Override
    public Object execute() {
        Services.require(fabric, "fabric view", "fcr-fabric-view");
        FabricView view = fabric.view();
        if (json) {
            System.out.println(Json.write(toJson(view)));
            return null;
        }
        print(view);
        return null;
    }

    static void print(FabricView v) {
        if (!v.shared()) {
            System.out.println(v.channel() + "; this node only");
        } else {
            long unhealthy = v.nodes().stream().filter(n -> n.status() == HealthStatus.UNHEALTHY).count();
            System.out.println(v.nodes().size() + " node(s) on " + v.channel() + (unhealthy == 0 ? ", all healthy"
                    : ", " + unhealthy + " UNHEALTHY") + "; log end " + known(v.logEnd()) + "; heartbeat every "
                    + v.heartbeatIntervalMillis() + " ms, unhealthy after " + v.missedHeartbeats() + " missed");
            v.channelFault().ifPresent(f -> System.out.println("WARNING: " + f));
        }
        NODES.table(v.nodes()).print(System.out);
    }

    static Map<String, Object> toJson(FabricView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("local_node", v.localNode());
        m.put("shared", v.shared());
        m.put("channel", v.channel());
        m.put("channel_fault", v.channelFault().orElse(null));
        m.put("log_end", v.logEnd());
        m.put("heartbeat_interval_ms", v.heartbeatIntervalMillis());
        m.put("missed_heartbeats", v.missedHeartbeats());
        m.put("nodes", NODES.json(v.nodes()));
        return m;
    }

    private static Map<String, Object> address(NodeAddress a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", a.host());
        m.put("ssh_port", a.sshPort());
        m.put("jmx_port", a.jmxPort());
        m.put("http_port", a.httpPort());
        return m;
    }

    private static String known(long value) {
        return value < 0 ? "-" : Long.toString(value);
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** The other nodes only: what fcr:services and fcr:health add to this node's rows. */
    static List<FabricNode> others(FabricView v) {
        return v.nodes().stream().filter(n -> !n.local()).toList();
    }
}
