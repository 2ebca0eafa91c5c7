package org.fcredirect.shell.config;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.fcredirect.config.api.ConfigService;
import org.fcredirect.config.api.ConfigSession;
import org.fcredirect.shell.Services;

@Service
@Command(scope = "fcr", name = "config-set", description = "Stages a setting in the configuration session (begun if none is open);"
        + " nothing is applied until fcr:config-commit")
public class ConfigSetCommand implements Action {

    @Option(name = "--default", aliases = "-d", description = "Stage the setting's default instead of a value")
    boolean toDefault;

    @Argument(index = 0, name = "service", required = true, description = "PID or short name (policy, fastpath, ...)")
    @Completion(ConfigServiceCompleter.class)
    String service;

    @Argument(index = 1, name = "key", required = true, description = "Setting name, see fcr:config SERVICE")
    @Completion(ConfigKeyCompleter.class)
    String key;

    @Argument(index = 2, name = "value", description = "New value (omit with --default)")
    String value;

    @Reference(optional = true)
    ConfigService config;

    @Reference(optional = true)
    Session session;

    @Override
    public Object execute() {
        Services.require(config, "config service", "fcr-config");
        if (toDefault == (value != null)) {
            throw new IllegalArgumentException(toDefault ? "--default takes no value" : "a value is required (or --default)");
        }
        if (config.session().isEmpty()) {
            config.begin(ConfigViews.owner(session));
        }
        String pid = ConfigViews.pid(service);
        ConfigSession s = toDefault ? config.stageDefault(pid, key) : config.stage(pid, key, value);
        System.out.println("staged " + pid + " " + key + " = " + (toDefault ? "(default)" : value) + "; " + s.changes().size()
                + " change(s) staged by " + s.owner() + "; fcr:config-diff, fcr:config-commit or fcr:config-abort");
        return null;
    }
}
