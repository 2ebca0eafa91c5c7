package org.fcredirect.shell.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.shell.Json;
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
            List<Object> out = new ArrayList<>();
            top.forEach(f -> out.add(StatsViews.flowJson(f)));
            System.out.println(Json.write(out));
            return null;
        }
        StatsViews.flowRateTable(top, metric == TopMetric.LATENCY ? "no flow completed an exchange in the last complete minute"
                : "no flow had traffic in the last complete minute").print(System.out);
        return null;
    }
}
