package org.fcredirect.shell.config;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.fcredirect.config.api.ConfigService;

/** Completes the setting names of the service typed before the key. */
@Service
public class ConfigKeyCompleter implements Completer {
    @Reference(optional = true)
    ConfigService config;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String service = serviceWord(commandLine);
        if (config == null || service == null) {
            return -1;
        }
        try {
            List<String> keys = config.service(ConfigViews.pid(service)).settings().stream()
                    .map(s -> s.definition().key()).sorted().toList();
            return new StringsCompleter(keys).complete(session, commandLine, candidates);
        } catch (RuntimeException unknownService) {
            return -1;
        }
    }

    /** The first argument after the command that is not an option. */
    static String serviceWord(CommandLine line) {
        String[] words = line.getArguments();
        for (int i = 1; i < line.getCursorArgumentIndex() && i < words.length; i++) {
            if (!words[i].startsWith("-")) {
                return words[i];
            }
        }
        return null;
    }
}
