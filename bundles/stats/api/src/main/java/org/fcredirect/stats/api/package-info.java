/**
 * Traffic statistics of the fast path: per-flow totals and latency, aggregates over a time range
 * (total or grouped), top flows, time series, and the status of the drain that feeds them. Only
 * interfaces and immutable values; times are {@link java.time.Instant}s of the stats service's clock.
 */
@Export
@Version("1.2.0")
package org.fcredirect.stats.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
