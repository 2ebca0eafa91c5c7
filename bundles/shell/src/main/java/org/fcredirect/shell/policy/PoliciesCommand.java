package org.fcredirect.shell.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fcredirect.json.Json;
import org.fcredirect.policy.api.CacheStatistics;
import org.fcredirect.policy.api.Policy;
import org.fcredirect.policy.api.PolicyService;
import org.fcredirect.shell.Services;

@Service
@Command(scope = "fcr", name = "policies", description = "Lists policies in evaluation order, and the decision cache's figures")
public class PoliciesCommand implements Action {

    @Option(name = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Reference(optional = true)
    PolicyService policies;

    @Override
    public Object execute() {
        Services.require(policies, "policy engine", "fcr-policy");
        List<Policy> list = policies.list();
        CacheStatistics cache = policies.cacheStatistics();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            List<Object> items = new ArrayList<>();
            list.forEach(p -> items.add(policyJson(p)));
            out.put("policies", items);
            out.put("cache", cacheJson(cache));
            System.out.println(Json.write(out));
            return null;
        }
        ShellTable t = new ShellTable().emptyTableText("no policies: every flow gets the default decision");
        t.column("Priority").alignRight();
        t.column("Name");
        t.column("VSAN");
        t.column("Initiator");
        t.column("Target");
        t.column("LUN");
        t.column("Action");
        t.column("Group");
        t.column("Balancing");
        t.column("Failover");
        for (Policy p : list) {
            t.addRow().addContent(p.priority(), p.name(), p.match().vsansText(), p.match().initiator(), p.match().target(),
                    p.match().lun(), p.action(), p.group().orElse("-"), p.balancing().map(Object::toString).orElse("-"), p.failover());
        }
        t.print(System.out);
        System.out.printf("decision cache: %d of %d entries, hit ratio %.1f%% (%d hits, %d misses, %d evictions, %d invalidations)%n",
                cache.size(), cache.capacity(), 100 * cache.hitRatio(), cache.hits(), cache.misses(), cache.evictions(),
                cache.invalidations());
        return null;
    }

    static Map<String, Object> policyJson(Policy p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("priority", p.priority());
        m.put("vsan", p.match().vsansText());
        m.put("initiator", p.match().initiator().toString());
        m.put("target", p.match().target().toString());
        m.put("lun", p.match().lun().toString());
        m.put("action", p.action().toString());
        m.put("group", p.group().orElse(null));
        m.put("balancing", p.balancing().map(Object::toString).orElse(null));
        m.put("failover", p.failover().toString());
        m.put("description", p.description());
        return m;
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
