package org.fcredirect.stats.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Traffic of the total or of one group over a range.
 *
 * @param group the group's label, or {@code "total"}
 * @param from start of the range covered (aligned to the resolution, clipped to retention)
 * @param to end of the range covered, exclusive; equal to {@code from} when nothing of the range is retained
 * @param exchanges completed exchanges
 * @param errors dropped frames plus exchanges that ended in a SCSI error
 */
public record RangeStats(String group, Resolution resolution, Instant from, Instant to, long frames, long bytes,
        long exchanges, long errors) {

    public static final String TOTAL = "total";

    public RangeStats {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public Duration covered() {
        return Duration.between(from, to);
    }

    /** Completed exchanges per second over the covered range; 0 when it is empty. */
    public double iops() {
        long ms = covered().toMillis();
        return ms == 0 ? 0 : exchanges * 1000.0 / ms;
    }

    /** Megabytes (10^6 bytes) per second over the covered range; 0 when it is empty. */
    public double mbps() {
        long ms = covered().toMillis();
        return ms == 0 ? 0 : bytes / 1000.0 / ms;
    }
}
