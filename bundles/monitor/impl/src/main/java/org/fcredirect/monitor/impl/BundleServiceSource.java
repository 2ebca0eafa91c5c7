package org.fcredirect.monitor.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fcredirect.monitor.api.MonitorService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** The fc-redirect services of the OSGi service registry, read afresh on every call. */
final class BundleServiceSource implements ServiceSource {
    private final BundleContext context;

    BundleServiceSource(BundleContext context) {
        this.context = context;
    }

    @Override
    public List<RegisteredService> fcrServices() {
        ServiceReference<?>[] refs;
        try {
            refs = context.getAllServiceReferences(null, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("no filter was given", e);
        }
        List<RegisteredService> found = new ArrayList<>();
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            Bundle b = ref.getBundle();
            String name = b == null ? null : b.getSymbolicName();
            if (name != null && name.startsWith(MonitorService.BUNDLE_PREFIX)) {
                found.add(new RegisteredService((Long) ref.getProperty(Constants.SERVICE_ID),
                        List.of((String[]) ref.getProperty(Constants.OBJECTCLASS)), properties(ref), b.getBundleId(),
                        name, b.getVersion().toString()));
            }
        }
        return found;
    }

    @Override
    public Optional<String> bundleName(long bundleId) {
        Bundle b = context.getBundle(bundleId);
        return b == null ? Optional.empty() : Optional.ofNullable(b.getSymbolicName());
    }

    private static Map<String, Object> properties(ServiceReference<?> ref) {
        Map<String, Object> p = new HashMap<>();
        for (String key : ref.getPropertyKeys()) {
            Object v = ref.getProperty(key);
            if (v != null) {
                p.put(key, v);
            }
        }
        return p;
    }
}
