package org.fcredirect.shell.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.NotFoundException;
import org.fcredirect.json.Json;
import org.fcredirect.shell.Services;
import org.fcredirect.shell.flow.FlowIdCompleter;
import org.fcredirect.stats.api.FlowStats;
import org.fcredirect.stats.api.RangeStats;
import org.fcredirect.stats.api.StatsService;
import org.fcredirect.stats.api.StatsStatus;
import org.fcredirect.stats.api.StatsTotals;

@Service
@Command(scope = "fcr", name = "stats", description = "Shows the traffic totals and whether the statistics keep up with the fast path,"
        + " or one flow's counters, rates and latency")
public class StatsCommand implements Action {
    static final Duration MINUTE = Duration.ofMinutes(1);

    @Argument(index = 0, name = "flow", description = "Flow id; without it, the totals and the drain's status")
    @Completion(FlowIdCompleter.class)
    String flow;

    @Option(name = "--json", description = "Print JSON instead of tables")
    boolean json;

    @Reference(optional = true)
    StatsService stats;

    Clock clock = Clock.systemUTC();

    @Override
    public Object execute() {
        Services.require(stats, "statistics service", "fcr-stats");
        if (flow != null) {
            showFlow(find(stats, flow));
        } else {
            showTotals();
        }
        return null;
    }

    /** The statistics of the flow an operator typed. */
    static FlowStats find(StatsService stats, String id) {
        FlowId flowId = FlowId.parse(id);
        return stats.flow(flowId.value()).orElseThrow(() -> new NotFoundException("flow", flowId,
                "no statistics: no traffic seen since the statistics started, or beyond the tracked flows"));
    }

    private void showFlow(FlowStats f) {
        if (json) {
            System.out.println(Json.write(StatsViews.FLOWS.json(f)));
        } else {
            StatsViews.propertyTable(StatsViews.describe(f)).print(System.out);
        }
    }

    private void showTotals() {
        // Whole seconds only: the current second is still filling and would understate the rates.
        Instant end = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        RangeStats lastMinute = stats.total(end.minus(MINUTE), end);
        RangeStats retained = stats.total(Instant.EPOCH, end);
        StatsStatus status = stats.status();
        StatsTotals totals = stats.totals();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("last_minute", StatsViews.RANGES.json(lastMinute));
            m.put("retained", StatsViews.RANGES.json(retained));
            m.put("since_start", StatsViews.totalsJson(totals));
            m.put("drain", StatsViews.statusJson(status));
            System.out.println(Json.write(m));
            return;
        }
        Map<String, RangeStats> rows = new LinkedHashMap<>();
        rows.put("last " + StatsViews.duration(lastMinute.covered()), lastMinute);
        rows.put("last " + StatsViews.duration(retained.covered()) + " (retained)", retained);
        StatsViews.RANGES.table("Total", rows).print(System.out);
        System.out.println();
        System.out.println("Since the statistics began");
        StatsViews.propertyTable(StatsViews.describe(totals)).print(System.out);
        System.out.println();
        StatsViews.propertyTable(StatsViews.describe(status)).print(System.out);
    }
}
