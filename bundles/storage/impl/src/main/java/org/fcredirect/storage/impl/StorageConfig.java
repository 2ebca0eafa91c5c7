package org.fcredirect.storage.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Settings of the event log, PID {@code org.fcredirect.storage}. Ranges are enforced by {@link LogSettings}. */
@ObjectClassDefinition(name = "fc-redirect event log",
        description = "Durable event log of every operator change. Durability and group commit apply at once;"
                + " segment size applies from the next segment; a new directory opens another log.")
public @interface StorageConfig {

    @AttributeDefinition(name = "Directory",
            description = "Absolute path of the log directory. Empty: ${karaf.data}/fcr/eventlog.")
    String directory() default "";

    @AttributeDefinition(name = "Segment size (bytes)", min = "2097152", max = "1073741824",
            description = "Each segment file is preallocated to this size; a new one starts when it is full.")
    long segmentSizeBytes() default LogSettings.DEFAULT_SEGMENT_BYTES;

    @AttributeDefinition(name = "Durability", options = {
            @Option(label = "fsync: forced to disk before acknowledging", value = "fsync"),
            @Option(label = "batch: forced before acknowledging, waiting briefly to share each force", value = "batch"),
            @Option(label = "none: never forced; tests and benchmarks only", value = "none")})
    String durability() default "fsync";

    @AttributeDefinition(name = "Group commit: max events", min = "1", max = "65535",
            description = "Most events stored with one write and one force.")
    int groupCommitMaxEvents() default LogSettings.DEFAULT_GROUP_COMMIT_EVENTS;

    @AttributeDefinition(name = "Group commit: max microseconds", min = "0", max = "1000000",
            description = "In batch mode, how long a write waits for more events to share its force.")
    long groupCommitMaxMicros() default LogSettings.DEFAULT_GROUP_COMMIT_MICROS;
}
