package org.fcredirect.stats.impl;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.fcredirect.stats.api.LatencyHistogram;
import org.fcredirect.stats.api.LatencySummary;

/**
 * Completion-time histograms in nanoseconds, two significant digits (1 % error), auto-resizing so
 * an idle or fast flow's histogram stays small: its size grows with the log of the largest value.
 */
final class LatencyHistograms {
    private static final int SIGNIFICANT_DIGITS = 2;

    private LatencyHistograms() {
    }

    static Histogram create() {
        Histogram h = new Histogram(SIGNIFICANT_DIGITS);
        h.setAutoResize(true);
        return h;
    }

    static LatencySummary summary(Histogram h) {
        return new LatencySummary(h.getTotalCount(), Math.round(h.getMean()), h.getValueAtPercentile(50),
                h.getValueAtPercentile(95), h.getValueAtPercentile(99), h.getMaxValue());
    }

    /** One pass over the recorded values: the lock it runs under stays short. */
    static LatencyHistogram histogram(Histogram h, List<Long> upperBoundsNanos) {
        long[] cumulative = new long[upperBoundsNanos.size()];
        for (HistogramIterationValue v : h.recordedValues()) {
            long value = v.getValueIteratedTo();
            for (int i = 0; i < cumulative.length; i++) {
                if (value <= upperBoundsNanos.get(i)) {
                    cumulative[i] += v.getCountAtValueIteratedTo();
                }
            }
        }
        return new LatencyHistogram(upperBoundsNanos, Arrays.stream(cumulative).boxed().toList(), h.getTotalCount(),
                Math.round(h.getMean() * h.getTotalCount()));
    }

    static byte[] encode(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return bytes;
    }

    /** Adds an encoded histogram into {@code into}. */
    static void decodeInto(byte[] bytes, Histogram into) throws DataFormatException {
        into.add(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0));
    }
}
