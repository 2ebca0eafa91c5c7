package org.fcredirect.fastpath.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Operating the fast path: its status. Registered as a service by the fast path, beside
 * {@link RuleSink}, {@link StatsSource} and {@link FrameSources}.
 */
@ProviderType
public interface FastPath {

    /** Every worker and the totals, now. */
    FastPathStatus status();
}
