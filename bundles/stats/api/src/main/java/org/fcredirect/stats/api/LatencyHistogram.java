package org.fcredirect.stats.api;

import java.util.List;
import java.util.Objects;

/**
 * Exchange completion times counted into buckets, as a Prometheus histogram exposes them.
 *
 * @param upperBoundsNanos the buckets' inclusive upper bounds, ascending; a last bucket without a
 *        bound (+Inf) holds every exchange: {@link #count()}
 * @param cumulativeCounts per bound, the exchanges that completed within it
 * @param count every exchange recorded
 * @param sumNanos their completion times added up (within the recorder's precision)
 */
public record LatencyHistogram(List<Long> upperBoundsNanos, List<Long> cumulativeCounts, long count, long sumNanos) {

    public LatencyHistogram {
        upperBoundsNanos = List.copyOf(upperBoundsNanos);
        cumulativeCounts = List.copyOf(cumulativeCounts);
        if (upperBoundsNanos.size() != cumulativeCounts.size()) {
            throw new IllegalArgumentException(upperBoundsNanos.size() + " bounds but " + cumulativeCounts.size() + " counts");
        }
    }

    /**
     * Checks bucket bounds a caller asks for.
     *
     * @throws IllegalArgumentException when empty, not positive, or not strictly ascending
     */
    public static List<Long> checkBounds(List<Long> upperBoundsNanos) {
        Objects.requireNonNull(upperBoundsNanos, "upperBoundsNanos");
        if (upperBoundsNanos.isEmpty()) {
            throw new IllegalArgumentException("a histogram needs at least one bucket bound");
        }
        long previous = 0;
        for (long b : upperBoundsNanos) {
            if (b <= previous) {
                throw new IllegalArgumentException("bucket bounds must be positive and ascending: " + upperBoundsNanos);
            }
            previous = b;
        }
        return List.copyOf(upperBoundsNanos);
    }
}
