package org.fcredirect.stats.impl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.fcredirect.monitor.api.HealthResult;
import org.fcredirect.stats.api.FlowStats;
import org.fcredirect.stats.api.GroupBy;
import org.fcredirect.stats.api.LatencyHistogram;
import org.fcredirect.stats.api.RangeStats;
import org.fcredirect.stats.api.Resolution;
import org.fcredirect.stats.api.StatsService;
import org.fcredirect.stats.api.StatsStatus;
import org.fcredirect.stats.api.StatsTotals;
import org.fcredirect.stats.api.TimeSeries;
import org.fcredirect.stats.api.TopMetric;
import org.junit.jupiter.api.Test;

class StatsHealthCheckTest {

    static StatsStatus status(boolean draining, long lagBatches, Optional<String> behind) {
        return new StatsStatus(draining, 10, 1, 10, lagBatches, 0, lagBatches * 100, 0, behind.isPresent(), behind,
                1000, 1, 0, 1, Optional.empty(), 0);
    }

    static HealthResult check(StatsStatus status) {
        StatsHealthCheck check = new StatsHealthCheck();
        check.stats = new StatusOnly(status);
        return check.check();
    }

    @Test
    void unhealthyWhenNotDrainingWhileTheSourceHasABacklog() {
        HealthResult r = check(status(false, 3, Optional.empty()));
        assertFalse(r.healthy());
        assertTrue(r.message().contains("not draining"), r.message());
    }

    @Test
    void unhealthyWhenFallingBehind() {
        HealthResult r = check(status(true, 3, Optional.of("drain failing: boom")));
        assertFalse(r.healthy());
        assertTrue(r.message().contains("boom"), r.message());
    }

    @Test
    void healthyWhenDrainingOrWhenThereIsNothingToDrain() {
        assertTrue(check(status(true, 3, Optional.empty())).healthy());
        assertTrue(check(status(false, 0, Optional.empty())).healthy());
    }

    private record StatusOnly(StatsStatus status) implements StatsService {
        @Override
        public LatencyHistogram latencyHistogram(List<Long> upperBoundsNanos) {
            throw new UnsupportedOperationException("a fake: these tests do not call it");
        }

        @Override
        public StatsTotals totals() {
            throw new UnsupportedOperationException("a fake: these tests do not call it");
        }

        @Override
        public Optional<FlowStats> flow(long flowId) {
            throw new UnsupportedOperationException("a fake: these tests do not call it");
        }

        @Override
        public RangeStats total(Instant from, Instant to) {
            throw new UnsupportedOperationException("a fake: these tests do not call it");
        }

        @Override
        public List<RangeStats> aggregate(Instant from, Instant to, GroupBy by) {
            throw new UnsupportedOperationException("a fake: these tests do not call it");
        }

        @Override
        public List<FlowStats> top(int n, TopMetric metric) {
            throw new UnsupportedOperationException("a fake: these tests do not call it");
        }

        @Override
        public TimeSeries totalSeries(Resolution resolution, Instant from, Instant to) {
            throw new UnsupportedOperationException("a fake: these tests do not call it");
        }

        @Override
        public Optional<TimeSeries> flowSeries(long flowId, Resolution resolution, Instant from, Instant to) {
            throw new UnsupportedOperationException("a fake: these tests do not call it");
        }
    }
}
