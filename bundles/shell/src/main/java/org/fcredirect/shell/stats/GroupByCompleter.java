package org.fcredirect.shell.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.fcredirect.stats.api.GroupBy;

/** Completes what fcr:stats-aggregate groups by: total, then the flow attributes. */
@Service
public class GroupByCompleter implements Completer {
    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<String> choices = new ArrayList<>(List.of(StatsChoices.TOTAL));
        choices.addAll(List.of(StatsChoices.names(GroupBy.class)));
        return new StringsCompleter(choices).complete(session, commandLine, candidates);
    }
}
