package org.fcredirect.shell.fastpath;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.fcredirect.traffic.api.TrafficSpec;

/** Completes the generator's setting names, ready for a value. */
@Service
public class TrafficKeyCompleter implements Completer {
    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(TrafficSpec.KEYS.stream().map(k -> k + "=").toList())
                .complete(session, commandLine, candidates);
    }
}
