package org.fcredirect.shell.fastpath;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.shell.Services;
import org.fcredirect.traffic.api.TrafficService;
import org.fcredirect.traffic.api.TrafficSpec;

@Service
@Command(scope = "fcr", name = "traffic-start", description = "Starts the traffic generator: hosts, targets and appliances log in,"
        + " flows are created, and SCSI reads and writes run through the fast path and the simulated appliances")
public class TrafficStartCommand implements Action {

    @Argument(index = 0, name = "settings", multiValued = true, description = "key=value settings, e.g. vsans=2 initiatorsPerVsan=20"
            + " framesPerSecond=200000 duration=60s ioSizes=4096/65536 (lists with '/'); keys: vsans, firstVsan, initiatorsPerVsan,"
            + " targetsPerVsan, flowsPerInitiator, appliances, firstAppliance (N of the first appliance, trafgen-N),"
            + " redirectPercent, readPercent, ioSizes, maxPayload, queueDepth, framesPerSecond (0: as fast as possible),"
            + " duration, frames, exchanges, seed, cleanup, groups, placement, failover")
    @Completion(TrafficKeyCompleter.class)
    List<String> settings;

    @Option(name = "--json", description = "Print JSON")
    boolean json;

    @Reference(optional = true)
    TrafficService traffic;

    @Override
    public Object execute() {
        Services.require(traffic, "traffic service", "fcr-traffic");
        TrafficSpec spec = TrafficSpec.parse(settings == null ? "" : String.join(" ", settings));
        var status = traffic.startTraffic(spec);
        TrafficViews.show(status, json);
        return null;
    }
}
