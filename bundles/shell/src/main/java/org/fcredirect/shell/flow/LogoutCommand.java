package org.fcredirect.shell.flow;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.fc.VsanId;
import org.fcredirect.shell.Services;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.LoginTable;

@Service
@Command(scope = "fcr", name = "logout", description = "Logs a port out; its flows go back to pending")
public class LogoutCommand implements Action {

    @Argument(index = 0, name = "vsan", required = true, description = "VSAN 1..4094")
    String vsan;

    @Argument(index = 1, name = "pwwn", required = true, description = "Port WWN")
    @Completion(WwnCompleter.class)
    String pwwn;

    @Reference(optional = true)
    LoginTable logins;

    @Override
    public Object execute() {
        Services.require(logins, "flow manager", "fcr-flow");
        VsanId v = VsanId.parse(vsan);
        Wwn w = Wwn.parse(pwwn);
        logins.logout(v, w);
        System.out.println(w + " logged out of VSAN " + v);
        return null;
    }
}
