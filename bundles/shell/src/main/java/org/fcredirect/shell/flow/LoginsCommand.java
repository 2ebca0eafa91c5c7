package org.fcredirect.shell.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.fc.VsanId;
import org.fcredirect.flow.api.LearningStatus;
import org.fcredirect.flow.api.LoginIgnoreReason;
import org.fcredirect.flow.api.LoginLearning;
import org.fcredirect.flow.api.LoginTable;
import org.fcredirect.flow.api.PortLogin;
import org.fcredirect.json.Json;
import org.fcredirect.shell.Services;

@Service
@Command(scope = "fcr", name = "logins", description = "Lists the logged-in ports (the name server's pWWN to FCID table),"
        + " or with --learning what the table learned from the fabric logins on the wire")
public class LoginsCommand implements Action {

    @Option(name = "--vsan", aliases = "-v", description = "Only this VSAN")
    String vsan;

    @Option(name = "--learning", aliases = "-l", description = "Show the login learner's figures: logins learned from"
            + " FLOGI/FDISC/PLOGI/LOGO and the frames ignored, by reason")
    boolean learning;

    @Option(name = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Reference(optional = true)
    LoginTable logins;

    @Reference(optional = true)
    LoginLearning learner;

    @Override
    public Object execute() {
        if (learning) {
            Services.require(learner, "flow manager", "fcr-flow");
            printLearning(learner.learningStatus());
            return null;
        }
        Services.require(logins, "flow manager", "fcr-flow");
        List<PortLogin> list = vsan == null ? logins.logins() : logins.logins(VsanId.parse(vsan));
        if (json) {
            System.out.println(Json.write(FlowViews.LOGINS.json(list)));
            return null;
        }
        FlowViews.LOGINS.table(list).print(System.out);
        return null;
    }

    private void printLearning(LearningStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", s.enabled());
        m.put("frames_seen", s.framesSeen());
        m.put("logins_learned", s.loginsLearned());
        m.put("logins_confirmed", s.loginsConfirmed());
        m.put("logouts_learned", s.logoutsLearned());
        m.put("rejected", s.rejected());
        m.put("pending_requests", s.pendingRequests());
        m.put("requests_expired", s.requestsExpired());
        Map<String, Object> ignored = new LinkedHashMap<>();
        for (LoginIgnoreReason r : LoginIgnoreReason.values()) {
            ignored.put(r.toString(), s.ignored().get(r));
        }
        m.put("ignored", ignored);
        if (json) {
            System.out.println(Json.write(m));
            return;
        }
        m.remove("ignored");
        m.forEach((k, v) -> System.out.printf("%-18s %s%n", k.replace('_', ' '), v));
        System.out.println("ignored:");
        for (LoginIgnoreReason r : LoginIgnoreReason.values()) {
            System.out.printf("  %-22s %8d  %s%n", r, s.ignored().get(r), r.description());
        }
    }
}
