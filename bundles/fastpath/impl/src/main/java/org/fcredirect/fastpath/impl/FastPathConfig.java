package org.fcredirect.fastpath.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Settings of the fast path, PID {@code org.fcredirect.fastpath}. Ranges are enforced by
 * {@link Settings}. The default decision and the stats interval apply at once; the others rebuild
 * the pipeline (rules and uncollected counters carried over) as soon as no frame source runs.
 */
@ObjectClassDefinition(name = "fc-redirect fast path",
        description = "Frame pipeline: worker threads sharded by flow, their queues, and what happens to frames no rule"
                + " matches. Default decision and stats interval apply at once; the rest rebuild the pipeline when no"
                + " frame source (traffic generator, capture replay) is attached.")
public @interface FastPathConfig {

    @AttributeDefinition(name = "Workers", min = "1", max = "64",
            description = "Worker threads, each owning one shard of the flow table. More than the cores you can spare"
                    + " only adds contention.")
    int workers() default Settings.DEFAULT_WORKERS;

    @AttributeDefinition(name = "Ring size", min = "2", max = "65536",
            description = "Frame batches (up to 64 frames or 64 KiB each) in flight per frame source and worker.")
    int ringSize() default Settings.DEFAULT_RING_SIZE;

    @AttributeDefinition(name = "Control queue size", min = "2", max = "65536",
            description = "Rule updates queued per worker; the flow manager waits briefly when one is full.")
    int controlQueueSize() default Settings.DEFAULT_CONTROL_QUEUE_SIZE;

    @AttributeDefinition(name = "Stats queue size", min = "2", max = "65536",
            description = "Statistics batches (up to 1024 flow deltas and 1024 exchange records each) in flight per"
                    + " worker. When all are waiting for the stats service, counters keep adding up in the workers and"
                    + " exchange records are counted as dropped.")
    int statsQueueSize() default Settings.DEFAULT_STATS_QUEUE_SIZE;

    @AttributeDefinition(name = "Stats interval (ms)", min = "10", max = "60000",
            description = "How often a busy worker ships its counter deltas; an idle one ships at once.")
    long statsIntervalMillis() default Settings.DEFAULT_STATS_INTERVAL_MILLIS;

    @AttributeDefinition(name = "Default decision", options = {
            @Option(label = "forward: unknown flows take the direct path", value = "forward"),
            @Option(label = "drop: unknown flows are discarded", value = "drop")},
            description = "What happens to frames that match no rule.")
    String defaultDecision() default "forward";

    @AttributeDefinition(name = "Exchange table size", min = "64", max = "16777216",
            description = "Open SCSI exchanges each worker tracks to time them from FCP_CMND to FCP_RSP.")
    int exchangeTableSize() default Settings.DEFAULT_EXCHANGE_TABLE_SIZE;
}
