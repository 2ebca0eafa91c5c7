package org.fcredirect.shell.config;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.config.api.ConfigService;
import org.fcredirect.config.api.ConfigVersion;
import org.fcredirect.shell.Services;

@Service
@Command(scope = "fcr", name = "config-commit", description = "Validates the staged changes as a whole and applies them together as a new version;"
        + " if any is invalid, nothing is applied")
public class ConfigCommitCommand implements Action {

    @Option(name = "--comment", aliases = "-m", description = "Why, for the history")
    String comment = "";

    @Reference(optional = true)
    ConfigService config;

    @Override
    public Object execute() {
        Services.require(config, "config service", "fcr-config");
        ConfigVersion v = config.commit(comment);
        System.out.println("version " + v.number() + " committed: " + v.changes().size() + " change(s)" + (v.applied() ? ", applied" : ""));
        return null;
    }
}
