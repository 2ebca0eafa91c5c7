package org.fcredirect.flow.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.fcredirect.fc.VsanId;

/**
 * An appliance of the inventory: its spec and its health as last marked.
 *
 * @param unhealthyReason why it was marked unhealthy; empty while healthy
 * @param healthSince when its health was last marked (when it was added, before that)
 */
public record Appliance(ApplianceSpec spec, boolean healthy, Optional<String> unhealthyReason, Instant healthSince) {

    public Appliance {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(unhealthyReason, "unhealthyReason");
        Objects.requireNonNull(healthSince, "healthSince");
    }

    public String name() {
        return spec.name();
    }

    public String group() {
        return spec.group();
    }

    public int weight() {
        return spec.weight();
    }

    public Map<VsanId, VirtualPorts> ports() {
        return spec.ports();
    }

    public Optional<VirtualPorts> portsIn(VsanId vsan) {
        return spec.portsIn(vsan);
    }

    public Optional<PortPool> poolIn(VsanId vsan) {
        return spec.poolIn(vsan);
    }

    /** {@code true} when it has a pool or fixed ports in the VSAN. */
    public boolean serves(VsanId vsan) {
        return spec.serves(vsan);
    }
}
