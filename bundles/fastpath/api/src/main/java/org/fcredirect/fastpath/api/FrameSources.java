package org.fcredirect.fastpath.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where frame sources (a traffic generator, a capture replay, a port) attach to the fast path.
 * Registered by the fast path beside {@link RuleSink}, {@link StatsSource} and {@link FastPath}.
 */
@ProviderType
public interface FrameSources {

    /**
     * Opens a port with one lane per worker and its own preallocated batches. The caller is its
     * only user and must {@link FramePort#close close} it.
     *
     * @throws IllegalStateException when the fast path is not running
     */
    FramePort open(String source);

    /** Waits until every rule batch accepted so far is applied by every worker; false on timeout. */
    boolean awaitRules(long timeoutMillis) throws InterruptedException;

    /** Counts a source's failure in the fast path's status ({@link FastPathStatus#sourceFailures}). */
    void failed(String source, String why);
}
