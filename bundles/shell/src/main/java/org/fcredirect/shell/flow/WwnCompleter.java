package org.fcredirect.shell.flow;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.fcredirect.flow.api.LoginTable;

/** Completes the pWWNs logged in to the fabric. */
@Service
public class WwnCompleter implements Completer {
    @Reference(optional = true)
    LoginTable logins;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        if (logins == null) {
            return -1;
        }
        return new StringsCompleter(logins.logins().stream().map(l -> l.pwwn().toString()).distinct().toList())
                .complete(session, commandLine, candidates);
    }
}
