package org.fcredirect.demo;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the demo, PID {@code org.fcredirect.demo}. */
@ObjectClassDefinition(name = "fc-redirect demo",
        description = "Sets up appliance groups, policies and flows and runs the traffic generator from start-up, so that"
                + " fcr:flows, fcr:policies, fcr:stats, fcr:top and fcr:health show live data.")
public @interface DemoConfig {
    @AttributeDefinition(name = "Enabled", description = "false: start without the demo (no policies, no traffic)")
    boolean enabled() default true;

    @AttributeDefinition(name = "Traffic", description = "Generator settings as for fcr:traffic-start (key=value, space separated)")
    String traffic() default DemoTraffic.DEFAULT_TRAFFIC;

    @AttributeDefinition(name = "Policies", description = "Policies created before the traffic starts unless one of"
            + " the name exists, separated by ';', each as fields like fcr:policies shows them: name=enc priority=500"
            + " vsan=100 target=500600640000000* action=redirect group=encryption balancing=target-affinity"
            + " failover=block description=\"quoted text\"")
    String policies() default DemoTraffic.DEFAULT_POLICIES;

    @AttributeDefinition(name = "Share", description = "k/n: this node runs the k-th of n parts of the demo's VSANs"
            + " (with their hosts, targets, flows and part of the frame rate) and the demo's appliances numbered from"
            + " (k-1) x appliances, for a fabric of n nodes over one history; 1/1 runs it all")
    String share() default "1/1";
}
