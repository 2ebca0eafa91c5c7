package org.fcredirect.shell.flow;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.ApplianceInventory;

/** Completes the names of appliance groups. */
@Service
public class ApplianceGroupCompleter implements Completer {
    @Reference(optional = true)
    ApplianceInventory appliances;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        if (appliances == null) {
            return -1;
        }
        return new StringsCompleter(appliances.list().stream().map(Appliance::group).distinct().sorted().toList())
                .complete(session, commandLine, candidates);
    }
}
