package org.fcredirect.shell.flow;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.fcredirect.flow.api.FlowFilter;
import org.fcredirect.flow.api.FlowService;

/** Completes flow ids; offers the first ones only, since a fabric can have a million flows. */
@Service
public class FlowIdCompleter implements Completer {
    static final int MAX_CANDIDATES = 1000;

    @Reference(optional = true)
    FlowService flows;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        if (flows == null) {
            return -1;
        }
        return new StringsCompleter(flows.list(FlowFilter.all(), 0, MAX_CANDIDATES).flows().stream()
                .map(f -> f.id().toString()).toList()).complete(session, commandLine, candidates);
    }
}
