package org.fcredirect.flow.api;

import java.util.Objects;

import org.fcredirect.fc.VsanId;

/**
 * How much of an appliance's virtual ports in one VSAN is in use.
 *
 * @param allocated addresses held by a VT or a VI
 * @param total addresses of the pool; 2 for fixed VT/VI ports, which every flow shares
 * @param waiting redirected flows placed there that found no free address
 */
public record PoolUse(VsanId vsan, long allocated, long total, long waiting) {

    public PoolUse {
        Objects.requireNonNull(vsan, "vsan");
    }
}
