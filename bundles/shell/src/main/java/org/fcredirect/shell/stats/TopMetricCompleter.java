package org.fcredirect.shell.stats;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.fcredirect.stats.api.TopMetric;

/** Completes what fcr:top ranks flows by. */
@Service
public class TopMetricCompleter implements Completer {
    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(List.of(StatsChoices.names(TopMetric.class))).complete(session, commandLine, candidates);
    }
}
