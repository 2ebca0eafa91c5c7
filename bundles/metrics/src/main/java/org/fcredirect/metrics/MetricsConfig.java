package org.fcredirect.metrics;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "fc-redirect metrics",
        description = "The Prometheus endpoint /metrics on Karaf's HTTP port, for viewers and admins of the karaf realm")
@interface MetricsConfig {
    @AttributeDefinition(name = "Top flows", min = "0", max = "100",
            description = "Busiest flows exposed one series each (labels flow_id, vsan, initiator, target, appliance);"
                    + " 0 exposes none: a series per flow is a label set of high cardinality")
    int topFlows() default 0;

    @AttributeDefinition(name = "Busiest by", description = "What makes a flow busy for topFlows",
            options = {@Option(value = "iops"), @Option(value = "mbps"), @Option(value = "latency")})
    String topBy() default "iops";
}
