package org.fcredirect.shell.audit;

import java.util.List;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.audit.api.AuditEntry;
import org.fcredirect.audit.api.AuditService;
import org.fcredirect.json.Json;
import org.fcredirect.shell.Services;
import org.fcredirect.shell.View;

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

    static final View<AuditEntry> ENTRIES = new View<AuditEntry>("no actions recorded")
            .column("Time", "time", e -> e.time().toString())
            .column("User", "user", AuditEntry::user)
            .column("Origin", "origin", AuditCommand::origin)
            .column("Action", "action", AuditEntry::action).clipped(60)
            .column("Arguments", "arguments", AuditEntry::arguments, e -> String.join(" ", e.arguments())).clipped(60)
            .column("Outcome", "outcome", e -> e.outcome().toString());

    @Override
    public Object execute() {
        Services.require(audit, "audit", "fcr-audit");
        if (limit < 1) {
            throw new IllegalArgumentException("-n " + limit + ": must be 1 or more");
        }
        List<AuditEntry> entries = audit.recent(limit, Optional.ofNullable(user));
        if (json) {
            System.out.println(Json.write(ENTRIES.json(entries)));
            return null;
        }
        ENTRIES.table(entries).print(System.out);
        return null;
    }

    private static String origin(AuditEntry e) {
        return e.origin().name().toLowerCase();
    }
}
