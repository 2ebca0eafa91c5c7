package org.fcredirect.shell.config;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fcredirect.config.api.ConfigService;
import org.fcredirect.config.api.ConfigVersion;
import org.fcredirect.json.Json;
import org.fcredirect.shell.Services;

@Service
@Command(scope = "fcr", name = "config-history", description = "Lists the committed configuration versions, newest last")
public class ConfigHistoryCommand implements Action {

    @Option(name = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Reference(optional = true)
    ConfigService config;

    @Override
    public Object execute() {
        Services.require(config, "config service", "fcr-config");
        List<ConfigVersion> history = config.history();
        if (json) {
            List<Object> out = new ArrayList<>();
            history.forEach(v -> out.add(ConfigViews.versionJson(v)));
            System.out.println(Json.write(out));
            return null;
        }
        ShellTable t = new ShellTable().emptyTableText("no versions committed yet");
        t.column("Version").alignRight();
        t.column("Committed");
        t.column("Owner");
        t.column("Origin");
        t.column("Comment");
        t.column("Changes").maxSize(70);
        for (ConfigVersion v : history) {
            t.addRow().addContent(v.number(), v.committed(), v.owner(), v.origin(), v.comment(),
                    v.changes().stream().map(c -> c.pid().replace("org.fcredirect.", "") + "." + c.key() + "=" + c.after().orElse("(default)"))
                            .collect(Collectors.joining(" ")));
        }
        t.print(System.out);
        return null;
    }
}
