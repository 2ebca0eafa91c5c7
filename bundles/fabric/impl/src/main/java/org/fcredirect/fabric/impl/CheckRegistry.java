package org.fcredirect.fabric.impl;

import java.util.Map;

import org.fcredirect.monitor.api.HealthCheck;

/** Registers health checks with the monitor's whiteboard (the OSGi service registry, or a fake in tests). */
interface CheckRegistry {

    /** @return withdraws the check when closed; closing twice is harmless */
    Runnable register(HealthCheck check, Map<String, Object> properties);
}
