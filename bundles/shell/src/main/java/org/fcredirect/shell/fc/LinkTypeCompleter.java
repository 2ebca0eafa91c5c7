package org.fcredirect.shell.fc;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.fcredirect.fc.capture.LinkTypes;

/** Completes the names of the link types installed now (built-ins and provider bundles). */
@Service
public class LinkTypeCompleter implements Completer {
    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(LinkTypes.load().names()).complete(session, commandLine, candidates);
    }
}
