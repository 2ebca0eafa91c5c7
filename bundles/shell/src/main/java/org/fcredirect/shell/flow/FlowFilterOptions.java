package org.fcredirect.shell.flow;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.FlowFilter;
import org.fcredirect.flow.api.FlowState;

/** The flow filter options that every command selecting flows shares; an option that does not parse names itself. */
abstract class FlowFilterOptions implements Action {

    @Option(name = "--vsan", aliases = "-v", description = "Only this VSAN")
    String vsan;

    @Option(name = "--initiator", aliases = "-i", description = "Only this initiator pWWN")
    @Completion(WwnCompleter.class)
    String initiator;

    @Option(name = "--target", aliases = "-t", description = "Only this target pWWN")
    @Completion(WwnCompleter.class)
    String target;

    @Option(name = "--appliance", aliases = "-a", description = "Only flows through (or homed on) this appliance")
    @Completion(ApplianceCompleter.class)
    String appliance;

    @Option(name = "--state", aliases = "-s", description = "Only this state: pending, active, direct, dropped, bypassed, blocked")
    @Completion(FlowStateCompleter.class)
    String state;

    FlowFilter filter() {
        FlowFilter.Builder b = FlowFilter.builder();
        if (vsan != null) {
            b.vsan(VsanId.parse(vsan));
        }
        if (initiator != null) {
            b.initiator(Wwn.parse(initiator));
        }
        if (target != null) {
            b.target(Wwn.parse(target));
        }
        if (appliance != null) {
            b.appliance(appliance);
        }
        if (state != null) {
            b.state(FlowState.parse(state));
        }
        return b.build();
    }
}
