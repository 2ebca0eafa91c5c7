package org.fcredirect.shell.fabric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fcredirect.fabric.api.Fabric;
import org.fcredirect.fabric.api.FabricNode;
import org.fcredirect.fabric.api.FabricView;
import org.fcredirect.fabric.api.NodeService;
import org.fcredirect.fabric.api.NodeTarget;
import org.fcredirect.shell.View;

/**
 * The other nodes' services and health targets, as their newest heartbeats list them, for
 * {@code fcr:services} and {@code fcr:health} to show after this node's own rows.
 */
public final class OtherNodes {
    static final View<NodeService> SERVICES = new View<NodeService>("no fcr services")
            .column("Service", "name", NodeService::name)
            .column("Bundle", "bundle", NodeService::bundle)
            .column("Version", "version", NodeService::version)
            .column("Health", "status", s -> s.status().toString());

    static final View<NodeTarget> TARGETS = new View<NodeTarget>("nothing monitored")
            .column("Kind", "kind", NodeTarget::kind)
            .column("Target", "target", NodeTarget::name)
            .column("Status", "status", t -> t.status().toString())
            .column("Message", "message", NodeTarget::message).clipped(60);

    private OtherNodes() {
    }

    /** The other nodes, none without a fabric view or outside a fabric. */
    public static List<FabricNode> of(Fabric fabric) {
        if (fabric == null) {
            return List.of();
        }
        FabricView v = fabric.view();
        return FabricCommand.others(v);
    }

    public static void printServices(List<FabricNode> nodes) {
        for (FabricNode n : nodes) {
            System.out.println();
            System.out.println(title(n));
            SERVICES.table(n.services()).print(System.out);
        }
    }

    public static void printTargets(List<FabricNode> nodes) {
        for (FabricNode n : nodes) {
            System.out.println();
            System.out.println(title(n));
            TARGETS.table(n.targets()).print(System.out);
        }
    }

    public static List<Object> servicesJson(List<FabricNode> nodes) {
        List<Object> out = new ArrayList<>();
        for (FabricNode n : nodes) {
            n.services().forEach(s -> out.add(withNode(n, SERVICES.json(s))));
        }
        return out;
    }

    public static List<Object> targetsJson(List<FabricNode> nodes) {
        List<Object> out = new ArrayList<>();
        for (FabricNode n : nodes) {
            n.targets().forEach(t -> out.add(withNode(n, TARGETS.json(t))));
        }
        return out;
    }

    private static Map<String, Object> withNode(FabricNode n, Map<String, Object> row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", n.id());
        m.put("node_status", n.status().toString());
        m.putAll(row);
        return m;
    }

    private static String title(FabricNode n) {
        return "node " + n.id() + " (" + n.address() + "): " + n.status() + ", " + n.health() + "; heartbeat "
                + String.format(java.util.Locale.ROOT, "%.1f s", n.heartbeatAge().toMillis() / 1000.0) + " ago";
    }
}
