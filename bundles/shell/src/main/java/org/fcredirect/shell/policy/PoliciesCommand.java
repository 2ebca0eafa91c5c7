package org.fcredirect.shell.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.json.Json;
import org.fcredirect.policy.api.CacheStatistics;
import org.fcredirect.policy.api.Policy;
import org.fcredirect.policy.api.PolicyService;
import org.fcredirect.shell.Services;
import org.fcredirect.shell.View;

@Service
@Command(scope = "fcr", name = "policies", description = "Lists policies in evaluation order, and the decision cache's figures")
public class PoliciesCommand implements Action {

    @Option(name = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Reference(optional = true)
    PolicyService policies;

    /** In priority order, the order they are tried in; the JSON leads with the priority too. */
    static final View<Policy> POLICIES = new View<Policy>("no policies: every flow gets the default decision")
            .number("Priority", "priority", Policy::priority)
            .column("Name", "name", Policy::name)
            .column("VSAN", "vsan", p -> p.match().vsansText())
            .column("Initiator", "initiator", p -> p.match().initiator().toString())
            .column("Target", "target", p -> p.match().target().toString())
            .column("LUN", "lun", p -> p.match().lun().toString())
            .column("Action", "action", p -> p.action().toString())
            .column("Group", "group", p -> p.group().orElse(null))
            .column("Balancing", "balancing", p -> p.balancing().map(Object::toString).orElse(null))
            .column("Failover", "failover", p -> p.failover().toString())
            .jsonOnly("description", Policy::description);

    @Override
    public Object execute() {
        Services.require(policies, "policy engine", "fcr-policy");
        List<Policy> list = policies.list();
        CacheStatistics cache = policies.cacheStatistics();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("policies", POLICIES.json(list));
            out.put("cache", cacheJson(cache));
            System.out.println(Json.write(out));
            return null;
        }
        POLICIES.table(list).print(System.out);
        System.out.printf("decision cache: %d of %d entries, hit ratio %.1f%% (%d hits, %d misses, %d evictions, %d invalidations)%n",
                cache.size(), cache.capacity(), 100 * cache.hitRatio(), cache.hits(), cache.misses(), cache.evictions(),
                cache.invalidations());
        return null;
    }

    static Map<String, Object> cacheJson(CacheStatistics c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("size", c.size());
        m.put("capacity", c.capacity());
        m.put("hits", c.hits());
        m.put("misses", c.misses());
        m.put("evictions", c.evictions());
        m.put("invalidations", c.invalidations());
        m.put("hit_ratio", c.hitRatio());
        return m;
    }
}
