package org.fcredirect.fabric.api;

import org.osgi.annotation.versioning.ProviderType;

/** The nodes of the fabric this node belongs to, as their heartbeats show them. */
@ProviderType
public interface Fabric {

    /** This node first, then every other node heard from, by id; computed at the call. */
    FabricView view();
}
