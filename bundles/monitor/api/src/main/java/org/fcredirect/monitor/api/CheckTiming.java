package org.fcredirect.monitor.api;

import java.time.Duration;
import java.util.Objects;

/**
 * When a target is looked at and how many failures it takes. For an appliance the interval is the
 * heartbeat interval, the timeout equals it (a heartbeat is missed once an interval has passed
 * without one) and the threshold is the number of missed heartbeats.
 *
 * @param threshold consecutive failed runs (missed heartbeats) that make the target unhealthy, at least 1
 */
public record CheckTiming(Duration interval, Duration timeout, int threshold) {

    public CheckTiming {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        if (interval.isNegative() || interval.isZero() || timeout.isNegative() || timeout.isZero() || threshold < 1) {
            throw new IllegalArgumentException("check timing needs a positive interval and timeout and a threshold of"
                    + " at least 1, not " + interval + ", " + timeout + ", " + threshold);
        }
    }

    /** How long a target that stops answering stays unnoticed at most: interval × threshold. */
    public Duration detection() {
        return interval.multipliedBy(threshold);
    }
}
