package org.fcredirect.policy.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Settings of the policy engine, PID {@code org.fcredirect.policy}. All apply at once, without a restart. */
@ObjectClassDefinition(name = "fc-redirect policy engine",
        description = "Policies that decide per flow, evaluated through a bounded decision cache.")
public @interface PolicyConfig {

    @AttributeDefinition(name = "Decision cache size", min = "0", max = "10000000",
            description = "Most decisions kept; the least recently used go first. 0 turns the cache off.")
    int decisionCacheSize() default PolicySettings.DEFAULT_CACHE_SIZE;

    @AttributeDefinition(name = "Snapshot every N events", min = "0", max = "100000000",
            description = "A snapshot of the policy stream after this many events; 0: never.")
    int snapshotEvery() default PolicySettings.DEFAULT_SNAPSHOT_EVERY;

    @AttributeDefinition(name = "Default action", options = {
            @Option(label = "permit: direct path", value = "permit"),
            @Option(label = "drop", value = "drop")},
            description = "Decision for flows no policy matches.")
    String defaultAction() default "permit";

    @AttributeDefinition(name = "Append timeout (seconds)", min = "1", max = "3600",
            description = "How long a change waits for the event log to store it before it is refused.")
    int appendTimeoutSeconds() default PolicySettings.DEFAULT_APPEND_TIMEOUT_SECONDS;
}
