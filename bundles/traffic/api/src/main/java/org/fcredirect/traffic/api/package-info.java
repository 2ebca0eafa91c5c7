/**
 * Traffic sources through the fast path's frame-source ports: the traffic generator
 * ({@link org.fcredirect.traffic.api.TrafficSpec} in, {@link org.fcredirect.traffic.api.TrafficStatus}
 * out) with its simulated appliances, and capture replay, both behind
 * {@link org.fcredirect.traffic.api.TrafficService}. Split from the fast path so that changing a
 * source never updates the bundle that must keep forwarding.
 */
@Export
@Version("1.2.0")
package org.fcredirect.traffic.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
