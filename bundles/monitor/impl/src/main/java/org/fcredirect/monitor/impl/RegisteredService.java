package org.fcredirect.monitor.impl;

import java.util.List;
import java.util.Map;

/**
 * A service as the registry holds it, reduced to what the registry view needs.
 *
 * @param interfaces its objectClass names
 * @param properties its service properties
 */
record RegisteredService(long serviceId, List<String> interfaces, Map<String, Object> properties, long bundleId,
        String bundle, String bundleVersion) {

    RegisteredService {
        interfaces = List.copyOf(interfaces);
        properties = Map.copyOf(properties);
    }
}
