package org.fcredirect.shell.fastpath;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.fastpath.api.FastPath;
import org.fcredirect.shell.Services;

@Service
@Command(scope = "fcr", name = "traffic", description = "Shows the traffic generator's progress: frames/s, exchanges/s, completions, errors")
public class TrafficCommand implements Action {

    @Option(name = "--json", description = "Print JSON")
    boolean json;

    @Reference(optional = true)
    FastPath fastPath;

    @Override
    public Object execute() {
        Services.require(fastPath, "fast path", "fcr-fastpath");
        var status = fastPath.traffic();
        TrafficViews.show(status, json);
        return null;
    }
}
