package org.fcredirect.shell.policy;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.fcredirect.policy.api.Policy;
import org.fcredirect.policy.api.PolicyService;

/** Completes policy names. */
@Service
public class PolicyCompleter implements Completer {
    @Reference(optional = true)
    PolicyService policies;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        if (policies == null) {
            return -1;
        }
        return new StringsCompleter(policies.list().stream().map(Policy::name).toList()).complete(session, commandLine, candidates);
    }
}
