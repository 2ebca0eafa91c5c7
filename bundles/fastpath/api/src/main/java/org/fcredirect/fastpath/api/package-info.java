/**
 * What the control plane hands the fast path: compiled per-flow rules (rewrite, permit, drop) in
 * fixed-layout batches of primitives, published to a {@link org.fcredirect.fastpath.api.RuleSink}.
 * No FC value classes cross here, only {@code int} FCIDs and VSANs and {@code long} flow ids, so
 * the fast path can copy a batch into its own tables without unboxing anything.
 */
@Export
@Version("1.0.0")
package org.fcredirect.fastpath.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
