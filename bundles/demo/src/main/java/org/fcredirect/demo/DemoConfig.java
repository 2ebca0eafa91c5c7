package org.fcredirect.demo;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the demo traffic, PID {@code org.fcredirect.demo}. */
@ObjectClassDefinition(name = "fc-redirect demo traffic",
        description = "Runs the traffic generator from start-up so that fcr:flows, fcr:fastpath and fcr:health show live data.")
public @interface DemoConfig {
    @AttributeDefinition(name = "Enabled", description = "false: start without demo traffic")
    boolean enabled() default true;

    @AttributeDefinition(name = "Traffic", description = "Generator settings as for fcr:traffic-start (key=value, space separated)")
    String traffic() default DemoTraffic.DEFAULT_TRAFFIC;
}
