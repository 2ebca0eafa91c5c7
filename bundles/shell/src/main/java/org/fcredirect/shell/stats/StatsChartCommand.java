package org.fcredirect.shell.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.flow.api.NotFoundException;
import org.fcredirect.shell.Services;
import org.fcredirect.shell.flow.FlowIdCompleter;
import org.fcredirect.stats.api.Resolution;
import org.fcredirect.stats.api.SeriesPoint;
import org.fcredirect.stats.api.StatsService;
import org.fcredirect.stats.api.TimeSeries;

@Service
@Command(scope = "fcr", name = "stats-chart", description = "Draws the rate of the last minutes as a text chart, of the total or of one flow")
public class StatsChartCommand implements Action {
    static final int MAX_MINUTES = 1440;
    /** Up to this many minutes the chart is drawn from second buckets, beyond from minute buckets. */
    static final int SECOND_BUCKET_MINUTES = 60;

    @Argument(index = 0, name = "flow", description = "Flow id (only the recently active flows keep a series); without it, the total")
    @Completion(FlowIdCompleter.class)
    String flow;

    @Option(name = "--minutes", aliases = "-m", description = "How far back, 1.." + MAX_MINUTES + " minutes (default 5); up to "
            + SECOND_BUCKET_MINUTES + " drawn from 1 s buckets, beyond from 1 min buckets")
    int minutes = 5;

    @Option(name = "--metric", description = "What to draw: iops (completed exchanges/s) or mbps (MB/s both directions); default iops")
    @Completion(RateMetricCompleter.class)
    String metric = "iops";

    @Option(name = "--width", aliases = "-w", description = "Columns of the chart, " + RateChart.MIN_WIDTH + ".." + RateChart.MAX_WIDTH
            + " (default 60); buckets are averaged to fit")
    int width = 60;

    @Reference(optional = true)
    StatsService stats;

    Clock clock = Clock.systemUTC();

    @Override
    public Object execute() {
        Services.require(stats, "statistics service", "fcr-stats");
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("--minutes " + minutes + ": must be 1.." + MAX_MINUTES);
        }
        if (width < RateChart.MIN_WIDTH || width > RateChart.MAX_WIDTH) {
            throw new IllegalArgumentException("--width " + width + ": must be " + RateChart.MIN_WIDTH + ".." + RateChart.MAX_WIDTH);
        }
        RateMetric rate = StatsChoices.parse("--metric", metric, RateMetric.class);
        Resolution resolution = minutes <= SECOND_BUCKET_MINUTES ? Resolution.SECOND : Resolution.MINUTE;
        Duration bucket = resolution.width();
        // Whole buckets only: the current one is still filling and would draw as a drop at the end.
        Instant end = Instant.ofEpochMilli(Math.floorDiv(clock.millis(), bucket.toMillis()) * bucket.toMillis());
        Instant start = end.minus(Duration.ofMinutes(minutes));
        OptionalLong flowId = flow == null ? OptionalLong.empty() : OptionalLong.of(StatsCommand.find(stats, flow).flowId());
        List<SeriesPoint> points = series(flowId, resolution, start, end).points();
        double[] rates = points.stream().mapToDouble(p -> rate.rate(p, bucket)).toArray();
        Instant from = points.isEmpty() ? start : points.get(0).start();
        Instant to = points.isEmpty() ? end : points.get(points.size() - 1).start().plus(bucket);
        System.out.println(title(flowId, rate, bucket, rates, Duration.between(from, to)));
        RateChart.draw(rates, from, to, width).forEach(System.out::println);
        return null;
    }

    private TimeSeries series(OptionalLong flowId, Resolution resolution, Instant start, Instant end) {
        if (flowId.isEmpty()) {
            return stats.totalSeries(resolution, start, end);
        }
        return stats.flowSeries(flowId.getAsLong(), resolution, start, end).orElseThrow(() -> new NotFoundException("flow",
                flowId.getAsLong(), "no time series kept: only the recently active flows keep one"));
    }

    /** What is drawn, e.g. {@code total IOPS, last 5 min in 1 s buckets, 5 per column: last 950, mean 1000, peak 1200}. */
    private String title(OptionalLong flowId, RateMetric rate, Duration bucket, double[] rates, Duration covered) {
        StringBuilder t = new StringBuilder(flowId.isEmpty() ? "total" : "flow " + flowId.getAsLong()).append(' ').append(rate.unit())
                .append(", last ").append(StatsViews.duration(covered)).append(" in ").append(StatsViews.duration(bucket))
                .append(" buckets");
        int columns = Math.min(rates.length, width);
        if (rates.length > columns) {
            int fewest = rates.length / columns;
            int most = (rates.length + columns - 1) / columns;
            t.append(", ").append(fewest == most ? fewest : fewest + "-" + most).append(" per column");
        }
        if (rates.length > 0) {
            double sum = 0;
            double peak = 0;
            for (double r : rates) {
                sum += r;
                peak = Math.max(peak, r);
            }
            t.append(": last ").append(RateChart.label(rates[rates.length - 1])).append(", mean ")
                    .append(RateChart.label(sum / rates.length)).append(", peak ").append(RateChart.label(peak));
        }
        return t.toString();
    }
}
