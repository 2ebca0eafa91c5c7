/**
 * The Fibre Channel vocabulary every fc-redirect bundle speaks: port addresses (FCID), world wide
 * names, VSANs, the FC-2 frame header as an immutable value and as a zero-allocation view, and the
 * frame CRC. Plain Java, no OSGi runtime dependency.
 */
@Export
@Version("1.0.0")
package org.fcredirect.fc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
