package org.fcredirect.shell.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.json.Json;
import org.fcredirect.shell.Services;
import org.fcredirect.stats.api.GroupBy;
import org.fcredirect.stats.api.RangeStats;
import org.fcredirect.stats.api.StatsService;

@Service
@Command(scope = "fcr", name = "stats-aggregate", description = "Shows the traffic of a time range, in total or per VSAN, appliance,"
        + " target or initiator, busiest first")
public class StatsAggregateCommand implements Action {
    private static final String TIME_FORMS = ": now, a time ago (-90s, -15m, -1h, -2d) or an ISO-8601 instant (2024-05-01T10:00:00Z)";

    @Option(name = "--from", aliases = "-f", description = "Start of the range" + TIME_FORMS + "; default -1h")
    String from = "-1h";

    @Option(name = "--to", aliases = "-t", description = "End of the range, exclusive" + TIME_FORMS + "; default now")
    String to = "now";

    @Option(name = "--by", aliases = "-b", description = "Group by total, vsan, appliance, target or initiator; default total")
    @Completion(GroupByCompleter.class)
    String by = StatsChoices.TOTAL;

    @Option(name = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Reference(optional = true)
    StatsService stats;

    Clock clock = Clock.systemUTC();

    @Override
    public Object execute() {
        Services.require(stats, "statistics service", "fcr-stats");
        // Whole seconds, as the buckets are: the current second is still filling.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant start = StatsTimes.parse("--from", from, now);
        Instant end = StatsTimes.parse("--to", to, now);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("--from " + start + " is not before --to " + end);
        }
        Optional<GroupBy> groupBy = StatsChoices.groupBy("--by", by);
        List<RangeStats> ranges = groupBy.isPresent() ? stats.aggregate(start, end, groupBy.get())
                : List.of(stats.total(start, end));
        String grouping = groupBy.map(StatsChoices::name).orElse(StatsChoices.TOTAL);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("by", grouping);
            m.put("from", start.toString());
            m.put("to", end.toString());
            m.put("groups", StatsViews.RANGES.json(ranges));
            System.out.println(Json.write(m));
            return null;
        }
        System.out.println(header(grouping, start, end, ranges));
        Map<String, RangeStats> rows = new LinkedHashMap<>();
        ranges.forEach(r -> rows.put(r.group(), r));
        StatsViews.RANGES.table(column(groupBy), rows).print(System.out);
        return null;
    }

    private static String column(Optional<GroupBy> groupBy) {
        return groupBy.map(b -> switch (b) {
            case VSAN -> "VSAN";
            case APPLIANCE -> "Appliance";
            case TARGET -> "Target";
            case INITIATOR -> "Initiator";
        }).orElse("Total");
    }

    /** What the table covers: the range the service answered for, which is clipped to what it retains. */
    private static String header(String grouping, Instant start, Instant end, List<RangeStats> ranges) {
        String what = grouping.equals(StatsChoices.TOTAL) ? "total" : "by " + grouping;
        if (ranges.isEmpty()) {
            return what + ", " + start + " to " + end;
        }
        RangeStats first = ranges.get(0);
        return first.covered().isZero() ? what + ": nothing of " + start + " to " + end + " is retained"
                : what + ", " + StatsViews.span(first);
    }
}
