package org.fcredirect.policy.api;

import java.util.Objects;
import java.util.OptionalInt;

import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.FlowSpec;

/** What a policy decision depends on: the flow's VSAN, initiator, target and LUN (empty: every LUN). */
public record FlowContext(VsanId vsan, Wwn initiator, Wwn target, OptionalInt lun) {

    public FlowContext {
        Objects.requireNonNull(vsan, "vsan");
        Objects.requireNonNull(initiator, "initiator");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(lun, "lun");
    }

    public static FlowContext of(FlowSpec spec) {
        return new FlowContext(spec.vsan(), spec.initiator(), spec.target(), spec.lun());
    }

    public static FlowContext of(VsanId vsan, Wwn initiator, Wwn target) {
        return new FlowContext(vsan, initiator, target, OptionalInt.empty());
    }

    @Override
    public String toString() {
        return "vsan " + vsan + " " + initiator + " -> " + target + (lun.isPresent() ? " lun " + lun.getAsInt() : "");
    }
}
