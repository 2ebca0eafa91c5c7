package org.fcredirect.shell.config;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.fcredirect.config.api.ConfigService;
import org.fcredirect.config.api.ConfigVersion;
import org.fcredirect.shell.Services;

@Service
@Command(scope = "fcr", name = "config-rollback", description = "Returns the settings to what they were at a version; the rollback is itself a new version")
public class ConfigRollbackCommand implements Action {

    @Argument(index = 0, name = "version", required = true, description = "Version number from fcr:config-history; 0 is before the first")
    long version;

    @Reference(optional = true)
    ConfigService config;

    @Reference(optional = true)
    Session session;

    @Override
    public Object execute() {
        Services.require(config, "config service", "fcr-config");
        ConfigVersion v = config.rollback(version, ConfigViews.owner(session));
        System.out.println("rolled back to version " + version + " as version " + v.number() + ": " + v.changes().size() + " change(s)");
        return null;
    }
}
