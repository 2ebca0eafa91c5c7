package org.fcredirect.monitor.impl;

import java.util.List;
import java.util.Optional;

/** Where the registry view comes from: the OSGi service registry, or a list in a test. */
interface ServiceSource {

    /** Every service registered by a bundle whose symbolic name starts with {@code org.fcredirect.}. */
    List<RegisteredService> fcrServices();

    /** The symbolic name of a bundle, while it is installed. */
    Optional<String> bundleName(long bundleId);
}
