package org.fcredirect.metrics;

import java.util.Arrays;
import java.util.function.Consumer;
import org.fcredirect.stats.api.TopMetric;

/**
 * How many of the busiest flows to expose, and by what: the {@code topFlows} and {@code topBy}
 * settings, checked. The metatype bounds them; a file edited by hand can still hold anything.
 */
record TopFlows(int count, TopMetric by) {
    static final int MAX = 100;
    static final TopFlows NONE = new TopFlows(0, TopMetric.IOPS);

    /** @param problems told, in one line each, what was out of range or unknown and what is used instead */
    static TopFlows of(int count, String by, Consumer<String> problems) {
        int n = count;
        if (n < 0 || n > MAX) {
            n = Math.max(0, Math.min(MAX, n));
            problems.accept("metrics topFlows " + count + " is outside 0.." + MAX + ": using " + n);
        }
        String name = by == null ? "" : by.strip();
        TopMetric metric = Arrays.stream(TopMetric.values()).filter(t -> t.name().equalsIgnoreCase(name)).findFirst()
                .orElse(null);
        if (metric == null) {
            problems.accept("metrics topBy '" + by + "' is none of iops, mbps, latency: using iops");
            metric = TopMetric.IOPS;
        }
        return new TopFlows(n, metric);
    }
}
