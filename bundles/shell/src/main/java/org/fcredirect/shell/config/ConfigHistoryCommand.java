package org.fcredirect.shell.config;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
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
            System.out.println(Json.write(ConfigViews.VERSIONS.json(history)));
            return null;
        }
        ConfigViews.VERSIONS.table(history).print(System.out);
        return null;
    }
}
