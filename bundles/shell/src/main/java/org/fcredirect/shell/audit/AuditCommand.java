package org.fcredirect.shell.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fcredirect.audit.api.AuditEntry;
import org.fcredirect.audit.api.AuditService;
import org.fcredirect.json.Json;
import org.fcredirect.shell.Services;

@Service
@Command(scope = "fcr", name = "audit", description = "Shows the most recent operator actions (shell commands, JMX and Jolokia calls): time, user, origin, action, arguments (secrets masked), outcome")
public class AuditCommand implements Action {

    @Option(name = "-n", description = "Show at most this many of the most recent actions (default 20)")
    int limit = 20;

    @Option(name = "--user", aliases = "-u", description = "Only this user's actions")
    String user;

    @Option(name = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Reference(optional = true)
    AuditService audit;

    @Override
    public Object execute() {
        Services.require(audit, "audit", "fcr-audit");
        if (limit < 1) {
            throw new IllegalArgumentException("-n " + limit + ": must be 1 or more");
        }
        List<AuditEntry> entries = audit.recent(limit, Optional.ofNullable(user));
        if (json) {
            List<Object> out = new ArrayList<>();
            entries.forEach(e -> out.add(toJson(e)));
            System.out.println(Json.write(out));
            return null;
        }
        ShellTable t = new ShellTable().emptyTableText("no actions recorded");
        t.column("Time");
        t.column("User");
        t.column("Origin");
        t.column("Action").maxSize(60);
        t.column("Arguments").maxSize(60);
        t.column("Outcome");
        for (AuditEntry e : entries) {
            t.addRow().addContent(e.time(), e.user(), origin(e), e.action(), String.join(" ", e.arguments()), e.outcome());
        }
        t.print(System.out);
        return null;
    }

    private static String origin(AuditEntry e) {
        return e.origin().name().toLowerCase();
    }

    static Map<String, Object> toJson(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", e.time().toString());
        m.put("user", e.user());
        m.put("origin", origin(e));
        m.put("action", e.action());
        m.put("arguments", e.arguments());
        m.put("outcome", e.outcome().toString());
        return m;
    }
}
