package org.fcredirect.monitor.impl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.ApplianceInventory;
import org.fcredirect.flow.api.FlowService;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.monitor.api.HealthCheck;
import org.fcredirect.monitor.api.HealthResult;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Has the flow manager finished replaying its stream, and does it answer? It registers its
 * services only once the replay is done, so registered and answering within the timeout is both.
 * Belongs in the flow bundle in time, where it can also see its change lock and event thread.
 */
@Component(service = HealthCheck.class, property = {HealthCheck.NAME + "=flow",
        HealthCheck.SERVICE + "=org.fcredirect.flow.api.FlowService",
        HealthCheck.SERVICE + "=org.fcredirect.flow.api.LoginTable",
        HealthCheck.SERVICE + "=org.fcredirect.flow.api.ApplianceInventory"})
public class FlowHealthCheck implements HealthCheck {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile FlowService flows;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ApplianceInventory inventory;

    @Override
    public HealthResult check() {
        FlowService f = flows;
        ApplianceInventory inv = inventory;
        if (f == null || inv == null) {
            return HealthResult.unhealthy("the flow manager is not registered: stopped, missing, or replaying its log");
        }
        Map<FlowState, Long> byState = f.countByState();
        List<Appliance> appliances = inv.list();
        long down = appliances.stream().filter(a -> !a.healthy()).count();
        long total = byState.values().stream().mapToLong(Long::longValue).sum();
        Map<String, String> details = new LinkedHashMap<>();
        byState.forEach((state, n) -> details.put("flows." + state, Long.toString(n)));
        details.put("appliances", Integer.toString(appliances.size()));
        details.put("appliancesUnhealthy", Long.toString(down));
        return HealthResult.healthy("replayed and answering: " + total + " flows, " + appliances.size()
                + " appliances (" + down + " unhealthy)", details);
    }
}
