package org.fcredirect.monitor.impl;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.fcredirect.monitor.api.HealthCheck;
import org.fcredirect.monitor.api.HealthResult;
import org.fcredirect.policy.api.CacheStatistics;
import org.fcredirect.policy.api.PolicyService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Has the policy engine finished replaying its stream, and does it answer? Like the flow
 * manager, it registers only after its replay. Belongs in the policy bundle in time.
 */
@Component(service = HealthCheck.class, property = {HealthCheck.NAME + "=policy",
        HealthCheck.SERVICE + "=org.fcredirect.policy.api.PolicyService"})
public class PolicyHealthCheck implements HealthCheck {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile PolicyService policies;

    @Override
    public HealthResult check() {
        PolicyService p = policies;
        if (p == null) {
            return HealthResult.unhealthy("the policy engine is not registered: stopped, missing, or replaying its log");
        }
        int count = p.list().size();
        CacheStatistics cache = p.cacheStatistics();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("policies", Integer.toString(count));
        details.put("cacheSize", cache.size() + " of " + cache.capacity());
        details.put("cacheHitRatio", String.format(Locale.ROOT, "%.3f", cache.hitRatio()));
        return HealthResult.healthy("replayed and answering: " + count + " policies", details);
    }
}
