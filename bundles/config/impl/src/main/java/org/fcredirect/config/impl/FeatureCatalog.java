package org.fcredirect.config.impl;

import java.util.List;

import org.fcredirect.config.api.FeatureRef;

/** The Karaf features the descriptor names: which are installed, which exist at all. */
interface FeatureCatalog {

    /** The installed fc-redirect features ({@code fcr} and {@code fcr-*}), by name. */
    List<FeatureRef> installed();

    /** {@code true} when a feature repository offers this feature in this version. */
    boolean exists(FeatureRef feature);
}
