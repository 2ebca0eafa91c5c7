package org.fcredirect.shell.flow;

import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.FlowFilter;
import org.fcredirect.flow.api.FlowState;

/** Turns command options into a flow filter; an option that does not parse names itself. */
final class Filters {
    private Filters() {
    }

    static FlowFilter flowFilter(String vsan, String initiator, String target, String appliance, String state) {
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
