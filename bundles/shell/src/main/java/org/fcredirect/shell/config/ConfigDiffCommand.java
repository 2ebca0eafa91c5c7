package org.fcredirect.shell.config;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.config.api.ConfigService;
import org.fcredirect.json.Json;
import org.fcredirect.shell.Services;

@Service
@Command(scope = "fcr", name = "config-diff", description = "Shows what the open configuration session would change: running against staged values")
public class ConfigDiffCommand implements Action {

    @Option(name = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Reference(optional = true)
    ConfigService config;

    @Override
    public Object execute() {
        Services.require(config, "config service", "fcr-config");
        if (json) {
            System.out.println(Json.write(ConfigViews.CHANGES.json(config.diff())));
        } else {
            ConfigViews.CHANGES.table(config.diff()).print(System.out);
        }
        return null;
    }
}
