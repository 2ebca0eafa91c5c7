package org.fcredirect.shell.config;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.fcredirect.config.api.ConfigService;
import org.fcredirect.config.api.ServiceSettings;

/** Completes the short names of the services that have settings (policy, fastpath, ...). */
@Service
public class ConfigServiceCompleter implements Completer {
    @Reference(optional = true)
    ConfigService config;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        if (config == null) {
            return -1;
        }
        List<String> names = config.services().stream().map(ServiceSettings::pid)
                .map(pid -> pid.startsWith(ConfigService.BUNDLE_PREFIX) ? pid.substring(ConfigService.BUNDLE_PREFIX.length()) : pid)
                .sorted().toList();
        return new StringsCompleter(names).complete(session, commandLine, candidates);
    }
}
