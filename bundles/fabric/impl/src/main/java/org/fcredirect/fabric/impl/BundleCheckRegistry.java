package org.fcredirect.fabric.impl;

import java.util.Hashtable;
import java.util.Map;

import org.fcredirect.monitor.api.HealthCheck;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** Health checks as services of this bundle. */
final class BundleCheckRegistry implements CheckRegistry {
    private final BundleContext context;

    BundleCheckRegistry(BundleContext context) {
        this.context = context;
    }

    @Override
    public Runnable register(HealthCheck check, Map<String, Object> properties) {
        ServiceRegistration<HealthCheck> r = context.registerService(HealthCheck.class, check, new Hashtable<>(properties));
        return () -> {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle stopped first, and the framework withdrew it
            }
        };
    }
}
