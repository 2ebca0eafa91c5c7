package org.fcredirect.flow.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Settings of the flow manager, PID {@code org.fcredirect.flow}. All apply at once, without a restart. */
@ObjectClassDefinition(name = "fc-redirect flow manager",
        description = "Flows, redirects, the login table and the appliance inventory.")
public @interface FlowConfig {

    @AttributeDefinition(name = "Snapshot every N events", min = "0", max = "100000000",
            description = "A snapshot of the flow stream after this many changed flows, logins and moves; 0: never."
                    + " Restart replays at most about this many after loading the snapshot.")
    int snapshotEvery() default FlowSettings.DEFAULT_SNAPSHOT_EVERY;

    @AttributeDefinition(name = "Failback",
            description = "When a failed appliance is healthy again, move the flows a standby took over back to it.")
    boolean failback() default true;

    @AttributeDefinition(name = "Default failover mode", options = {
            @Option(label = "standby: move to another healthy appliance of the group", value = "standby"),
            @Option(label = "bypass: direct path while the appliance is down", value = "bypass"),
            @Option(label = "block: drop frames while the appliance is down", value = "block")},
            description = "For redirected flows whose spec names none and whose policy (if any) gives none.")
    String defaultFailover() default "standby";

    @AttributeDefinition(name = "Action without a policy engine", options = {
            @Option(label = "permit: direct path", value = "permit"),
            @Option(label = "drop", value = "drop")},
            description = "Decision for flows without an explicit appliance while no policy engine is present."
                    + " They are decided again when it appears.")
    String defaultAction() default "permit";

    @AttributeDefinition(name = "Append timeout (seconds)", min = "1", max = "3600",
            description = "How long a change waits for the event log to store it before it is refused.")
    int appendTimeoutSeconds() default FlowSettings.DEFAULT_APPEND_TIMEOUT_SECONDS;

    @AttributeDefinition(name = "Learn logins from the wire",
            description = "Log ports in and out from the fabric logins (FLOGI, FDISC, PLOGI, LOGO) the fast path"
                    + " punts. Off: punted logins are drained and ignored; fcr:login still works.")
    boolean learnLogins() default true;
}
