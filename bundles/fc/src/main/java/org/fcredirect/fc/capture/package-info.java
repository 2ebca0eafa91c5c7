/**
 * Capture files and link layers: a strict reader for pcap and pcapng, a pcap writer, and the
 * {@link org.fcredirect.fc.capture.LinkTypeDecoder} SPI that finds the FC frame inside a captured
 * packet (FC-2 with or without delimiters, FCoE over Ethernet, and whatever other bundles provide
 * through {@link java.util.ServiceLoader}).
 */
@Export
@Version("1.0.0")
package org.fcredirect.fc.capture;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
