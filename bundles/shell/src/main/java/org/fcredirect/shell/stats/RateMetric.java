package org.fcredirect.shell.stats;

import java.time.Duration;
import org.fcredirect.stats.api.SeriesPoint;

/** What fcr:stats-chart draws of each bucket of a time series. */
enum RateMetric {
    /** Completed exchanges per second. */
    IOPS("IOPS") {
        @Override
        double amount(SeriesPoint p) {
            return p.exchanges();
        }
    },
    /** Megabytes (10^6 bytes) per second, both directions. */
    MBPS("MB/s") {
        @Override
        double amount(SeriesPoint p) {
            return p.bytes() / 1e6;
        }
    };

    private final String unit;

    RateMetric(String unit) {
        this.unit = unit;
    }

    abstract double amount(SeriesPoint p);

    double rate(SeriesPoint p, Duration bucket) {
        return amount(p) * 1000 / bucket.toMillis();
    }

    String unit() {
        return unit;
    }
}
