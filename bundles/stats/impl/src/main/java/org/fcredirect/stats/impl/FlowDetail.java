package org.fcredirect.stats.impl;

import org.HdrHistogram.Histogram;

/**
 * What only the recently active flows keep: their time series at both resolutions and a
 * histogram of exchange completion times. Reused when its flow goes idle and another takes it.
 */
final class FlowDetail {
    final BucketRing seconds;
    final BucketRing minutes;
    final Histogram latency = LatencyHistograms.create();

    FlowDetail(int secondsRetained, int minutesRetained) {
        seconds = new BucketRing(secondsRetained);
        minutes = new BucketRing(minutesRetained);
    }

    void clear() {
        seconds.clear();
        minutes.clear();
        latency.reset();
    }

    long heapBytes() {
        return seconds.heapBytes() + minutes.heapBytes() + latency.getEstimatedFootprintInBytes();
    }
}
