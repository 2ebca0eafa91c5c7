package org.fcredirect.shell.flow;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.flow.api.ApplianceInventory;
import org.fcredirect.shell.Services;
import org.fcredirect.flow.api.ApplianceSpec;
import org.fcredirect.flow.api.PortPool;
import org.fcredirect.flow.api.VirtualPorts;

@Service
@Command(scope = "fcr", name = "appliance-add", description = "Adds an appliance with, in each VSAN it serves, a pool of virtual port addresses (a VT per target,"
        + " a VI per host) or one fixed VT/VI pair")
public class ApplianceAddCommand implements Action {

    @Argument(index = 0, name = "name", required = true, description = "Appliance name, " + ApplianceSpec.NAME_RULE)
    String name;

    @Option(name = "--group", aliases = "-g", description = "Appliance group (cluster) that policies redirect to; default '" + ApplianceSpec.DEFAULT_GROUP + "'")
    String group = ApplianceSpec.DEFAULT_GROUP;

    @Option(name = "--weight", aliases = "-w", description = "Share of new flows in its group, " + ApplianceSpec.MIN_WEIGHT + ".." + ApplianceSpec.MAX_WEIGHT + " (default 100)")
    int weight = 100;

    @Option(name = "--pool", multiValued = true,
            description = "VSAN/FIRST_FCID-LAST_FCID/WWN_BASE, once per VSAN served, e.g. 10/0x0b0100-0x0b01ff/50:00:53:00:0b:01:00:00:"
                    + " the addresses it owns there, the pWWN of each being WWN_BASE plus its offset")
    List<String> pools = List.of();

    @Option(name = "--ports", aliases = "-p", multiValued = true,
            description = "VSAN/VT_PWWN/VT_FCID/VI_PWWN/VI_FCID: one fixed VT/VI pair that all its flows in the VSAN share"
                    + " (as before pools; two flows to one target or from one host then cannot be told apart)."
                    + " Commas work too when the value is quoted: the shell splits unquoted commas into a list")
    List<String> ports = List.of();

    @Reference(optional = true)
    ApplianceInventory appliances;

    @Override
    public Object execute() {
        Services.require(appliances, "flow manager", "fcr-flow");
        ApplianceSpec.Builder b = ApplianceSpec.builder(name).group(group).weight(weight);
        for (String p : ports) {
            b.ports(VirtualPorts.parse(p.replace('/', ',')));
        }
        for (String p : pools) {
            b.pool(PortPool.parse(p));
        }
        ApplianceSpec spec = b.build();
        appliances.add(spec);
        System.out.println("appliance " + spec.name() + " added to group " + spec.group() + " in VSANs " + spec.vsans());
        return null;
    }
}
