package org.fcredirect.shell.flow;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.flow.api.FlowFilter;
import org.fcredirect.flow.api.FlowPage;
import org.fcredirect.flow.api.FlowService;
import org.fcredirect.json.Json;
import org.fcredirect.shell.Services;

@Service
@Command(scope = "fcr", name = "flows", description = "Lists flows, filtered and paged")
public class FlowsCommand extends FlowFilterOptions {
    static final int MAX_LIMIT = 10_000;

    @Option(name = "--offset", description = "Skip this many matching flows (default 0)")
    int offset;

    @Option(name = "--limit", aliases = "-n", description = "Show at most this many, 1.." + MAX_LIMIT + " (default 50)")
    int limit = 50;

    @Option(name = "--count", aliases = "-c", description = "Print only the number of matching flows, and the count per state")
    boolean count;

    @Option(name = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Reference(optional = true)
    FlowService flows;

    @Override
    public Object execute() {
        Services.require(flows, "flow manager", "fcr-flow");
        if (offset < 0) {
            throw new IllegalArgumentException("--offset " + offset + ": must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("--limit " + limit + ": must be 1.." + MAX_LIMIT);
        }
        FlowFilter filter = filter();
        if (count) {
            long n = flows.count(filter);
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("count", n);
                Map<String, Object> byState = new LinkedHashMap<>();
                flows.countByState().forEach((s, c) -> byState.put(s.toString(), c));
                m.put("by_state", byState);
                System.out.println(Json.write(m));
            } else {
                System.out.println(n);
            }
            return null;
        }
        FlowPage page = flows.list(filter, offset, limit);
        if (json) {
            System.out.println(Json.write(FlowViews.FLOWS.json(page.flows())));
        } else {
            FlowViews.FLOWS.table(page.flows()).print(System.out);
            if (page.hasMore()) {
                System.out.println((page.offset() + page.flows().size()) + " of " + page.total()
                        + " shown; --offset " + (page.offset() + page.flows().size()) + " for more");
            }
        }
        return null;
    }
}
