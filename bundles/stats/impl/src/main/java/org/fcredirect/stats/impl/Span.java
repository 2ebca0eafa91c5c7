package org.fcredirect.stats.impl;

import java.time.Instant;

import org.fcredirect.stats.api.Resolution;

/**
 * A range of buckets {@code [fromUnit, toUnit)} at one resolution: the requested instants aligned
 * outward to bucket edges, then clipped to the retained buckets (the newest is the current one).
 */
record Span(Resolution resolution, long fromUnit, long toUnit) {

    static Span of(Resolution resolution, Instant from, Instant to, long nowMillis, int retained) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("range end " + to + " is not after its start " + from);
        }
        long width = widthMillis(resolution);
        long newest = Math.floorDiv(nowMillis, width);
        long oldest = newest - retained + 1;
        long fromUnit = Math.max(Math.floorDiv(from.toEpochMilli(), width), oldest);
        long toUnit = Math.min(-Math.floorDiv(-to.toEpochMilli(), width), newest + 1);
        return new Span(resolution, fromUnit, Math.max(fromUnit, toUnit));
    }

    /** Whether the start of {@code from} lies within {@code retained} buckets of this resolution. */
    static boolean retains(Resolution resolution, Instant from, long nowMillis, int retained) {
        long width = widthMillis(resolution);
        return Math.floorDiv(from.toEpochMilli(), width) > Math.floorDiv(nowMillis, width) - retained;
    }

    static long widthMillis(Resolution resolution) {
        return resolution.width().toMillis();
    }

    Instant start(long unit) {
        return Instant.ofEpochMilli(unit * widthMillis(resolution));
    }

    Instant from() {
        return start(fromUnit);
    }

    Instant to() {
        return start(toUnit);
    }
}
