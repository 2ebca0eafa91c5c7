package org.fcredirect.audit.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "fc-redirect audit",
        description = "The audit trail of operator actions: how many recent entries are kept in memory")
public @interface AuditConfig {
    String PID = "org.fcredirect.audit";

    @AttributeDefinition(description = "Recent entries kept for fcr:audit (1..1000000); live, the oldest go first")
    int capacity() default 10_000;
}
