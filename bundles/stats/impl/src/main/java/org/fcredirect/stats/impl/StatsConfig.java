package org.fcredirect.stats.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "fc-redirect statistics",
        description = "Drain of the fast path's statistics, rollup retention and memory bounds")
public @interface StatsConfig {
    String PID = "org.fcredirect.stats";

    @AttributeDefinition(description = "Most records handed over by one drain call (1..1000000); live")
    int batchSize() default 1000;

    @AttributeDefinition(description = "Longest wait between drains when the source ran dry, ms (1..60000); live")
    int maxWaitMillis() default 100;

    @AttributeDefinition(description = "Per-second buckets kept (60..86400); a change rebuilds the rollups from a snapshot")
    int secondsRetained() default 3600;

    @AttributeDefinition(description = "Per-minute buckets kept (60..44640); a change rebuilds the rollups from a snapshot")
    int minutesRetained() default 1440;

    @AttributeDefinition(description = "Flows with per-flow statistics (1..10000000); beyond, traffic counts in the totals only")
    int maxFlows() default 1_000_000;

    @AttributeDefinition(description = "Recently active flows keeping a time series and latency percentiles (0..100000)")
    int detailedFlows() default 128;

    @AttributeDefinition(description = "Groups kept per dimension (VSAN, appliance, target, initiator) for aggregates (1..100000)")
    int maxGroups() default 256;

    @AttributeDefinition(description = "Seconds between snapshots to the storage service (1..86400); live")
    int snapshotIntervalSeconds() default 300;
}
