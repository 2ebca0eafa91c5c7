package org.fcredirect.shell.config;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.config.api.ConfigService;
import org.fcredirect.shell.Services;

@Service
@Command(scope = "fcr", name = "config-abort", description = "Drops the open configuration session and everything staged in it")
public class ConfigAbortCommand implements Action {

    @Reference(optional = true)
    ConfigService config;

    @Override
    public Object execute() {
        Services.require(config, "config service", "fcr-config");
        config.abort();
        System.out.println("configuration session aborted; nothing was applied");
        return null;
    }
}
