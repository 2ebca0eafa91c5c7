package org.fcredirect.shell.flow;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.fc.VsanId;
import org.fcredirect.flow.api.LoginTable;
import org.fcredirect.flow.api.PortLogin;
import org.fcredirect.json.Json;
import org.fcredirect.shell.Services;

@Service
@Command(scope = "fcr", name = "logins", description = "Lists the logged-in ports (the name server's pWWN to FCID table)")
public class LoginsCommand implements Action {

    @Option(name = "--vsan", aliases = "-v", description = "Only this VSAN")
    String vsan;

    @Option(name = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Reference(optional = true)
    LoginTable logins;

    @Override
    public Object execute() {
        Services.require(logins, "flow manager", "fcr-flow");
        List<PortLogin> list = vsan == null ? logins.logins() : logins.logins(VsanId.parse(vsan));
        if (json) {
            System.out.println(Json.write(FlowViews.LOGINS.json(list)));
            return null;
        }
        FlowViews.LOGINS.table(list).print(System.out);
        return null;
    }
}
