package org.fcredirect.flow.api;

import java.util.Objects;

import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;

/**
 * One virtual port of an appliance in use: the VT that stands for a real target or the VI that
 * stands for a real host, and how many flows share it.
 */
public record PortAllocation(VsanId vsan, Role role, VirtualAddress address, Wwn standsFor, long flows) {

    /** What the virtual port presents. */
    public enum Role {
        /** A virtual target, standing for a real target toward hosts. */
        VT,
        /** A virtual initiator, standing for a real host toward targets. */
        VI
    }

    public PortAllocation {
        Objects.requireNonNull(vsan, "vsan");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(standsFor, "standsFor");
    }
}
