/**
 * The fast path's contracts. Control in: compiled per-flow rules (rewrite, permit, drop) in
 * fixed-layout batches of primitives, published to a {@link org.fcredirect.fastpath.api.RuleSink}.
 * Frames in: a source opens a {@link org.fcredirect.fastpath.api.FramePort} at
 * {@link org.fcredirect.fastpath.api.FrameSources}, writes frames in place into preallocated
 * {@link org.fcredirect.fastpath.api.FrameBatch batches} and polls them back with a verdict per
 * frame. Statistics out: per-flow counter deltas and completed SCSI exchanges, drained in batches
 * from a {@link org.fcredirect.fastpath.api.StatsSource} through reused views of primitives.
 * Control frames out: fabric logins punted to a {@link org.fcredirect.fastpath.api.PuntSource}.
 * Operation: {@link org.fcredirect.fastpath.api.FastPath} for worker status. No FC value classes
 * cross here, only {@code int} FCIDs and VSANs and {@code long} flow ids, so neither side keeps the
 * other's classes alive.
 */
@Export
@Version("2.0.0")
package org.fcredirect.fastpath.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
