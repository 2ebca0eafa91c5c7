package org.fcredirect.shell.stats;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fcredirect.json.Json;
import org.fcredirect.shell.Services;
import org.fcredirect.stats.api.FlowStats;
import org.fcredirect.stats.api.StatsService;
import org.fcredirect.stats.api.TopMetric;

@Service
@Command(scope = "fcr", name = "top", description = "Lists the busiest flows of the last complete minute, by IOPS, MB/s or mean exchange latency")
public class TopCommand implements Action {
    static final int MAX_COUNT = 10_000;

    @Option(name = "-n", aliases = "--count", description = "How many flows to show, 1.." + MAX_COUNT + " (default 10)")
    int count = 10;

    @Option(name = "--by", aliases = "-b", description = "Rank by iops (completed exchanges/s), mbps (MB/s both directions)"
            + " or latency (mean completion time); default iops")
    @Completion(TopMetricCompleter.class)
    String by = "iops";

    @Option(name = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Reference(optional = true)
    StatsService stats;

    @Override
    public Object execute() {
        Services.require(stats, "statistics service", "fcr-stats");
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("-n " + count + ": must be 1.." + MAX_COUNT);
        }
        TopMetric metric = StatsChoices.parse("--by", by, TopMetric.class);
        List<FlowStats> top = stats.top(count, metric);
        if (json) {
            System.out.println(Json.write(StatsViews.FLOWS.json(top)));
            return null;
        }
        ShellTable table = StatsViews.FLOWS.table(top);
        if (metric == TopMetric.LATENCY) {
            table.emptyTableText("no flow completed an exchange in the last complete minute");
        }
        table.print(System.out);
        return null;
    }
}
