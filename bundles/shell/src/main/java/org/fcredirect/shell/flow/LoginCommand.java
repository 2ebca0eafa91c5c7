package org.fcredirect.shell.flow;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.fc.FcId;
import org.fcredirect.shell.Services;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.LoginTable;

@Service
@Command(scope = "fcr", name = "login", description = "Logs a port in to the fabric name server: its pWWN now has this FCID in the VSAN;"
        + " flows of the port resolve and turn active")
public class LoginCommand implements Action {

    @Argument(index = 0, name = "vsan", required = true, description = "VSAN 1..4094")
    String vsan;

    @Argument(index = 1, name = "pwwn", required = true, description = "Port WWN")
    String pwwn;

    @Argument(index = 2, name = "fcid", required = true, description = "FCID, e.g. 0x010200 or 01.02.00")
    String fcid;

    @Reference(optional = true)
    LoginTable logins;

    @Override
    public Object execute() {
        Services.require(logins, "flow manager", "fcr-flow");
        VsanId v = VsanId.parse(vsan);
        Wwn w = Wwn.parse(pwwn);
        FcId f = FcId.parse(fcid);
        logins.login(v, w, f);
        System.out.println(w + " logged in to VSAN " + v + " as " + f);
        return null;
    }
}
